-- Analytics roll-ups (issue 16): per org x agent x provider x model x UTC hour / day of the EVENT's
-- timestamp, written by the event writer in the same transaction as the events, so they are exact.
-- provider = model = '' for events that are not llm_response. Readers sum over shard.
-- why: shard spreads one hot (org, agent, model, hour) row over a few rows, so concurrent workers
-- do not queue on one row lock until commit; each writer picks its shard.
create table rollup_hourly (
  org_id           text not null,
  bucket           timestamptz not null,
  agent_id         text not null,
  provider         text not null,
  model            text not null,
  shard            smallint not null,
  events           bigint not null,
  llm_calls        bigint not null,
  input_tokens     double precision not null,
  output_tokens    double precision not null,
  cost_usd         double precision not null,
  latency_sum_ms   double precision not null,
  latency_count    bigint not null,
  errors           bigint not null,
  tool_calls       bigint not null,
  sessions_started bigint not null,
  sessions_ended   bigint not null,
  primary key (org_id, bucket, agent_id, provider, model, shard)
);
alter table rollup_hourly enable row level security;
alter table rollup_hourly force row level security;
create policy tenant on rollup_hourly
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create table rollup_daily (
  org_id           text not null,
  bucket           timestamptz not null,
  agent_id         text not null,
  provider         text not null,
  model            text not null,
  shard            smallint not null,
  events           bigint not null,
  llm_calls        bigint not null,
  input_tokens     double precision not null,
  output_tokens    double precision not null,
  cost_usd         double precision not null,
  latency_sum_ms   double precision not null,
  latency_count    bigint not null,
  errors           bigint not null,
  tool_calls       bigint not null,
  sessions_started bigint not null,
  sessions_ended   bigint not null,
  primary key (org_id, bucket, agent_id, provider, model, shard)
);
alter table rollup_daily enable row level security;
alter table rollup_daily force row level security;
create policy tenant on rollup_daily
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on rollup_hourly, rollup_daily to ${appRole};

-- why: a rebuild or check of every org must list the orgs, which RLS hides from the app role
create function rollup_org_ids() returns setof text
  language sql stable security definer set search_path = public, pg_temp
as $$ select id from orgs order by id $$;
revoke all on function rollup_org_ids() from public;
grant execute on function rollup_org_ids() to ${appRole};
