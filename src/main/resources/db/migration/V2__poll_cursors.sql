-- Where each polling channel got to (X since_id, Mastodon min_id, Bluesky cursor), so a restart does not re-import.
create table poll_cursor (
    name       varchar(128) primary key,
    position   varchar(512) not null,
    updated_at timestamp with time zone not null
);
