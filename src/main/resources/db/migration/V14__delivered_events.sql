-- Which ticket events their helpdesk has, beside the message instead of in its row: marking an event delivered then
-- writes a small row, where updating the message rewrote the page that holds its body and its neighbours' (H2
-- rewrites every page a commit touches).
create table delivered_event (
    event_id     varchar(64) primary key,
    delivered_at timestamp with time zone not null
);
insert into delivered_event (event_id, delivered_at)
    select event_id, delivered_at from message where delivered_at is not null;
alter table message drop column delivered_at;
