-- One satisfaction survey per solved conversation: when it went out, and the customer's answer once given.
create table survey (
    id                 varchar(64)  primary key,
    conversation_id    varchar(64)  not null unique references conversation (id),
    channel            varchar(32)  not null,
    account            varchar(128) not null,
    customer_id        varchar(128) not null,
    helpdesk           varchar(64),
    type               varchar(8)   not null,
    sent_at            timestamp with time zone not null,
    answered_at        timestamp with time zone,
    score              integer,
    answer_message_id  varchar(255),
    comment            varchar(4000),
    comment_message_id varchar(255)
);
create index survey_customer on survey (channel, account, customer_id, sent_at);
create index survey_sent on survey (sent_at);
