-- The tags the hub has put on the conversation's ticket, one a line: an update then sends only the tags that are
-- new (a customer who writes on another channel, a raised priority), instead of every tag on every call.
alter table conversation add column ticket_tags varchar(2000);
