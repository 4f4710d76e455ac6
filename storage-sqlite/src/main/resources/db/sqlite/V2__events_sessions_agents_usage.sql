create table events (
  org_id     text not null,
  id         text not null,
  session_id text not null,
  agent_id   text not null,
  event_type text not null,
  severity   text not null,
  ts         integer not null,
  payload    text not null,
  metadata   text not null,
  sequence   integer not null,
  prev_hash  text,
  hash       text not null,
  primary key (org_id, id)
) without rowid;
create index events_org_time on events (org_id, ts);
create unique index events_org_session_seq on events (org_id, session_id, sequence);
create index events_org_agent_time on events (org_id, agent_id, ts);
create index events_org_type_time on events (org_id, event_type, ts);

create table sessions (
  org_id              text not null,
  id                  text not null,
  agent_id            text not null,
  agent_name          text,
  started_at          integer not null,
  ended_at            integer,
  last_event_at       integer not null,
  status              text not null,
  event_count         integer not null default 0,
  tool_call_count     integer not null default 0,
  error_count         integer not null default 0,
  total_cost_usd      real not null default 0,
  llm_call_count      integer not null default 0,
  total_input_tokens  integer not null default 0,
  total_output_tokens integer not null default 0,
  tags                text not null default '[]',
  last_sequence       integer not null default 0,
  last_hash           text,
  primary key (org_id, id)
);
create index sessions_org_started on sessions (org_id, started_at);
create index sessions_org_agent on sessions (org_id, agent_id, started_at);

create table agents (
  org_id        text not null,
  id            text not null,
  name          text not null,
  first_seen_at integer not null,
  last_seen_at  integer not null,
  session_count integer not null default 0,
  primary key (org_id, id)
);

create table usage_records (
  org_id      text not null,
  hour        integer not null,
  api_key_id  text not null,
  event_count integer not null,
  primary key (org_id, hour, api_key_id)
);
