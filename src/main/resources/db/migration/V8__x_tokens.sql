-- The newest OAuth 2.0 refresh token of the brand's X account: X rotates it on every use, so the configured one only
-- seeds this row. The row is locked while a refresh runs, so that hubs sharing the database refresh one at a time.
create table x_token (
    account       varchar(128) primary key,
    refresh_token varchar(1024) not null,
    updated_at    timestamp with time zone not null
);
