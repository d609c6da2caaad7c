-- H2 hands out the message order's numbers 32 at a time and, each time it runs out, commits their new start on its
-- own: a second commit for every 32 messages, and every commit writes each page changed since the last one. A thousand
-- at a time still only ever grow (a restart continues after the last thousand taken; gaps do not matter).
alter table message alter column seq set cache 1000;
