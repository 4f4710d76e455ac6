-- Events in a rowid table (issue 18): on SQLite this version turns events from a WITHOUT ROWID
-- table clustered on its random (org_id, id) key into a table appended in storage order. On
-- PostgreSQL events already live in heap tables (partitioned by month) whose rows are appended, with
-- the primary key as a separate index, so nothing changes. The version exists here so that both
-- backends keep the same migration history.
select 1;
