-- Events found by an integer session key (issue 18): on SQLite this version gives each (org, session)
-- a small integer in session_keys and indexes events on (session_key, sequence) instead of the wide
-- (org_id, session_id, sequence). PostgreSQL keeps (org_id, session_id, sequence): its ingest is bound
-- by the database's CPU per statement, not by the pages one commit writes, and its Row-Level Security
-- policies filter on org_id. The version exists here so that both backends keep the same history.
select 1;
