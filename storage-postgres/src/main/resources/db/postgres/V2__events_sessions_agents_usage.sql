-- Events: range-partitioned by month of ts (FR-73); the application creates partitions ahead
-- through ensure_event_partition (it does not own the table, so it cannot create them itself).
create table events (
  org_id     text not null,
  id         text not null,
  session_id text not null,
  agent_id   text not null,
  event_type text not null,
  severity   text not null,
  ts         timestamptz not null,
  payload    jsonb not null,
  metadata   jsonb not null,
  sequence   bigint not null,
  prev_hash  text,
  hash       text not null
) partition by range (ts);
create index events_org_time on events (org_id, ts);
create index events_org_session_seq on events (org_id, session_id, sequence);
create index events_org_agent_time on events (org_id, agent_id, ts);
create index events_org_type_time on events (org_id, event_type, ts);
alter table events enable row level security;
alter table events force row level security;
create policy tenant on events
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

-- why: a unique key on a partitioned table must include the partition key (ts), which would make
-- idempotency depend on the timestamp; this unpartitioned table enforces (org_id, id) exactly.
create table event_keys (
  org_id text not null,
  id     text not null,
  ts     timestamptz not null,
  primary key (org_id, id)
);
alter table event_keys enable row level security;
alter table event_keys force row level security;
create policy tenant on event_keys
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create function ensure_event_partition(p_year integer, p_month integer) returns void
  language plpgsql security definer set search_path = public, pg_temp
as $$
declare
  v_from date := make_date(p_year, p_month, 1);
  v_to   date := (make_date(p_year, p_month, 1) + interval '1 month')::date;
  v_name text := format('events_p%s', to_char(v_from, 'YYYYMM'));
begin
  if to_regclass(v_name) is not null then
    return;
  end if;
  begin
    -- why: explicit +00 bounds; a bare date would be read in the session time zone
    execute format('create table %I partition of events for values from (%L) to (%L)',
                   v_name, v_from::text || ' 00:00:00+00', v_to::text || ' 00:00:00+00');
  exception when duplicate_table then
    return;
  end;
  execute format('alter table %I enable row level security', v_name);
  execute format('alter table %I force row level security', v_name);
  execute format('create policy tenant on %I using (org_id = current_setting(''app.current_org'', true))'
                 ' with check (org_id = current_setting(''app.current_org'', true))', v_name);
end $$;
revoke all on function ensure_event_partition(integer, integer) from public;

create table sessions (
  org_id              text not null,
  id                  text not null,
  agent_id            text not null,
  agent_name          text,
  started_at          timestamptz not null,
  ended_at            timestamptz,
  last_event_at       timestamptz not null,
  status              text not null,
  event_count         bigint not null default 0,
  tool_call_count     bigint not null default 0,
  error_count         bigint not null default 0,
  total_cost_usd      double precision not null default 0,
  llm_call_count      bigint not null default 0,
  total_input_tokens  bigint not null default 0,
  total_output_tokens bigint not null default 0,
  tags                text not null default '[]',
  last_sequence       bigint not null default 0,
  last_hash           text,
  primary key (org_id, id)
);
create index sessions_org_started on sessions (org_id, started_at);
create index sessions_org_agent on sessions (org_id, agent_id, started_at);
alter table sessions enable row level security;
alter table sessions force row level security;
create policy tenant on sessions
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create table agents (
  org_id        text not null,
  id            text not null,
  name          text not null,
  first_seen_at timestamptz not null,
  last_seen_at  timestamptz not null,
  session_count bigint not null default 0,
  primary key (org_id, id)
);
alter table agents enable row level security;
alter table agents force row level security;
create policy tenant on agents
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create table usage_records (
  org_id      text not null,
  hour        timestamptz not null,
  api_key_id  text not null,
  event_count bigint not null,
  primary key (org_id, hour, api_key_id)
);
alter table usage_records enable row level security;
alter table usage_records force row level security;
create policy tenant on usage_records
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on events, event_keys, sessions, agents, usage_records to ${appRole};
grant execute on function ensure_event_partition(integer, integer) to ${appRole};
