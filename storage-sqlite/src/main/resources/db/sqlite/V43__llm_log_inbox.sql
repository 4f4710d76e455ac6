-- The LLM request log's inbox (issue 17): the event store notes, in the transaction that stores them,
-- which llm_call / llm_response events the request log still has to pair and score — one row per
-- org and up to 256 such events of one write — and the recorder deletes a row once its events are in
-- the log. Nothing the log should hold is lost when the recorder falls behind (it used to drop
-- events from a bounded in-memory backlog) or when the process stops: the rows wait here.
-- event_ids is a JSON array of the event ids; first_ts / last_ts bound their timestamps.
create table llm_log_inbox (
  seq        integer primary key,
  org_id     text not null references orgs(id) on delete cascade,
  event_ids  text not null,
  first_ts   integer not null,
  last_ts    integer not null,
  noted_at   integer not null
);
create index llm_log_inbox_org on llm_log_inbox (org_id, seq);
