-- Full-text search of the LLM request log (issue 17): on PostgreSQL this version adds the function
-- that searches through the GIN index despite Row-Level Security. SQLite needs no change: its FTS5
-- table already walks a word's rows newest first, so the newest matches are ranked from it.
-- The version exists here so that both backends keep the same migration history.
select 1;
