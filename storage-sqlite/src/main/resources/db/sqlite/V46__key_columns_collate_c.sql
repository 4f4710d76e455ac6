-- Key columns compare as bytes (issue 18): on PostgreSQL this version gives every indexed text
-- column the "C" collation. SQLite already compares text with BINARY, the same order. The version
-- exists here so that both backends keep the same history.
select 1;
