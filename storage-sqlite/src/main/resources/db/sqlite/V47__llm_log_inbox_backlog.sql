-- The LLM request log's backlog for operators (issue 18): on PostgreSQL this version adds an owner
-- function that counts every org's inbox notes under RLS. SQLite has no RLS and counts the table
-- directly. The version exists here so that both backends keep the same history.
select 1;
