-- Which hub instance polls a channel: several hubs share the database, one of them holds each poller's lease and
-- renews it on every poll; when it stops, another takes over once the lease has run out.
create table poll_lease (
    name       varchar(128) primary key,
    holder     varchar(128) not null,
    expires_at timestamp with time zone not null
);
