-- Room on each page for HOT updates (issue 18): on PostgreSQL this version lowers the fillfactor of
-- the tables every event write updates (sessions, roll-ups), so updates stay on their page without
-- new index entries. SQLite updates rows in place in its b-trees and has no fillfactor, so nothing
-- changes. The version exists here so that both backends keep the same migration history.
select 1;
