-- A/B benchmarks (reference §4.3.5): metrics and variants in one JSON object (spec), and the results
-- cached once a benchmark completes (one row per benchmark, replaced on recompute).
-- Tenant-scoped like every table with org_id.
create table benchmarks (
  org_id       text not null references orgs(id) on delete cascade,
  id           text not null,
  name         text not null,
  description  text,
  agent_id     text,
  spec         text not null,
  min_sessions integer not null,
  from_time    timestamptz,
  to_time      timestamptz,
  status       text not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  completed_at timestamptz,
  primary key (org_id, id)
);
create index benchmarks_created on benchmarks (org_id, created_at);
alter table benchmarks enable row level security;
alter table benchmarks force row level security;
create policy tenant on benchmarks
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create table benchmark_results (
  org_id       text not null,
  benchmark_id text not null,
  results      text not null,
  computed_at  timestamptz not null,
  primary key (org_id, benchmark_id),
  foreign key (org_id, benchmark_id) references benchmarks (org_id, id) on delete cascade
);
alter table benchmark_results enable row level security;
alter table benchmark_results force row level security;
create policy tenant on benchmark_results
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on benchmarks, benchmark_results to ${appRole};
