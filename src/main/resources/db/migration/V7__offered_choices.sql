-- The choices the hub last offered in a conversation (welcome options, a survey scale), so that on channels without
-- buttons a reply of just the number counts as the choice.
alter table conversation add column offered_choices varchar(8000);
alter table conversation add column offered_at timestamp with time zone;
