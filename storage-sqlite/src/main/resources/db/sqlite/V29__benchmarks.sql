-- A/B benchmarks (reference §4.3.5): metrics and variants in one JSON object (spec), and the results
-- cached once a benchmark completes (one row per benchmark, replaced on recompute).
create table benchmarks (
  org_id       text not null references orgs(id) on delete cascade,
  id           text not null,
  name         text not null,
  description  text,
  agent_id     text,
  spec         text not null,
  min_sessions integer not null,
  from_time    integer,
  to_time      integer,
  status       text not null,
  created_at   integer not null,
  updated_at   integer not null,
  completed_at integer,
  primary key (org_id, id)
);
create index benchmarks_created on benchmarks (org_id, created_at);

create table benchmark_results (
  org_id       text not null,
  benchmark_id text not null,
  results      text not null,
  computed_at  integer not null,
  primary key (org_id, benchmark_id),
  foreign key (org_id, benchmark_id) references benchmarks (org_id, id) on delete cascade
);
