-- Analytics roll-ups (issue 16): per org x agent x provider x model x UTC hour / day of the EVENT's
-- timestamp, written by the event writer in the same transaction as the events, so they are exact.
-- provider = model = '' for events that are not llm_response. Readers sum over shard.
-- why: SQLite has one writer, so every row is written with shard 0.
create table rollup_hourly (
  org_id           text not null,
  bucket           integer not null,
  agent_id         text not null,
  provider         text not null,
  model            text not null,
  shard            integer not null,
  events           integer not null,
  llm_calls        integer not null,
  input_tokens     real not null,
  output_tokens    real not null,
  cost_usd         real not null,
  latency_sum_ms   real not null,
  latency_count    integer not null,
  errors           integer not null,
  tool_calls       integer not null,
  sessions_started integer not null,
  sessions_ended   integer not null,
  primary key (org_id, bucket, agent_id, provider, model, shard)
);

create table rollup_daily (
  org_id           text not null,
  bucket           integer not null,
  agent_id         text not null,
  provider         text not null,
  model            text not null,
  shard            integer not null,
  events           integer not null,
  llm_calls        integer not null,
  input_tokens     real not null,
  output_tokens    real not null,
  cost_usd         real not null,
  latency_sum_ms   real not null,
  latency_count    integer not null,
  errors           integer not null,
  tool_calls       integer not null,
  sessions_started integer not null,
  sessions_ended   integer not null,
  primary key (org_id, bucket, agent_id, provider, model, shard)
);
