-- What a new message's ticket event needs of its conversation, kept on the conversation so that its thousandth
-- message costs what its first did: the ticket's subject (from the first message), the customer's follower count as
-- their latest message shows it (handle and name are already here), and when the oldest of their messages that the
-- brand has not answered yet was written (the waiting-longer-than rule). Conversations from before have no subject
-- and no waiting time until their next message; their subject is then read from their first message.
alter table conversation add column subject varchar(400);
alter table conversation add column author_followers bigint;
alter table conversation add column waiting_since timestamp with time zone;
