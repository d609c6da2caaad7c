-- A choice is a quick reply's payload after "choice:", and Meta's payloads run to 1000 characters: the column keeps
-- whatever the door lets in.
alter table conversation alter column choice set data type varchar(1000);
