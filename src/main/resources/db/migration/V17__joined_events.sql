-- Messages that left in one helpdesk call with an earlier one of their conversation (joined_into, that call's
-- event): written and committed before the call, so that a call repeated after a crash carries the same messages.
-- A joined event counts as delivered once the event it joined is; when it comes off its queue it brings only what
-- else it changes on the ticket (tags, a reopen, a raised priority).
create table joined_event (
    event_id    varchar(64) primary key,
    joined_into varchar(64) not null
);
