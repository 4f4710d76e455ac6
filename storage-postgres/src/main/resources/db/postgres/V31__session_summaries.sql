-- Session summaries (reference §4.3.7), written after a session_ended event is stored: one row per
-- session, replaced when the session ends again. Lists are JSON text; search_text is the lower-cased
-- text that context's text search looks terms up in. Tenant-scoped like every table with org_id.
create table session_summaries (
  org_id        text not null references orgs(id) on delete cascade,
  session_id    text not null,
  agent_id      text not null,
  user_id       text,
  started_at    timestamptz not null,
  ended_at      timestamptz,
  summary       text not null,
  topics        text not null,
  tool_sequence text not null,
  error_summary text,
  outcome       text not null,
  event_count   integer not null,
  error_count   integer not null,
  key_events    text not null,
  search_text   text not null,
  created_at    timestamptz not null,
  primary key (org_id, session_id)
);
create index session_summaries_started on session_summaries (org_id, started_at);
alter table session_summaries enable row level security;
alter table session_summaries force row level security;
create policy tenant on session_summaries
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on session_summaries to ${appRole};
