-- Room on each page for HOT updates (issue 18). Every event write rewrites its sessions' rows, and
-- every worker its roll-up buckets. PostgreSQL can keep such an update on the row's own page, with
-- no new entry in any index (a heap-only tuple), only when the page has free space; at the default
-- fillfactor of 100 the pages fill up and 27 % of the session updates (57 % of the roll-up updates)
-- under a 60 s ingest run wrote a new tuple elsewhere and a new entry in each of the table's indexes.
-- A fillfactor of 70 leaves 30 % of each new page free. Pages already full keep their rows until the
-- next rewrite (VACUUM FULL or pg_repack), so an existing database gains gradually.
alter table sessions set (fillfactor = 70);
alter table rollup_hourly set (fillfactor = 70);
alter table rollup_daily set (fillfactor = 70);
