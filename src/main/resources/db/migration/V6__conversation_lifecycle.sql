-- A conversation is open until its ticket is solved; a message within the reopen window reopens it.
alter table conversation add column solved_at timestamp with time zone;
-- Set while the conversation is open, null once solved: the unique index lets one customer have one open
-- conversation per channel account even when their messages are processed in parallel.
alter table conversation add column open_key varchar(400);
update conversation set open_key = channel || '|' || account || '|' || author_id where status = 'open';
create unique index conversation_open_key on conversation (open_key);
-- What the customer chose from the welcome message, and the priority with the rule that set it.
alter table conversation add column choice varchar(255);
alter table conversation add column priority varchar(16);
alter table conversation add column priority_rule varchar(255);
-- Whether the hub already sent its one automatic first reply.
alter table conversation add column acknowledged_at timestamp with time zone;

-- A customer as a channel account knows them, with the CRM snapshot last fetched for them.
create table customer (
    channel          varchar(32)  not null,
    account          varchar(128) not null,
    customer_id      varchar(128) not null,
    handle           varchar(255),
    name             varchar(255),
    crm_customer_id  varchar(128),
    crm_email        varchar(320),
    crm_phone        varchar(64),
    crm_snapshot     varchar(100000),
    crm_status       varchar(16),
    crm_fetched_at   timestamp with time zone,
    primary key (channel, account, customer_id)
);
create index customer_crm_id on customer (crm_customer_id);
create index customer_crm_email on customer (crm_email);
create index customer_crm_phone on customer (crm_phone);
