-- Cost budgets (reference §4.3.11) and the history of their breaches: at most one breach per
-- (budget, period key, kind), which is what makes the periodic check record a breach once per period.
-- Tenant-scoped like every table with org_id.
create table cost_budgets (
  org_id             text not null references orgs(id) on delete cascade,
  id                 text not null,
  scope              text not null,
  agent_id           text,
  period             text not null,
  limit_usd          double precision not null,
  on_breach          text not null,
  anomaly_multiplier double precision,
  enabled            boolean not null,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  primary key (org_id, id)
);
create index cost_budgets_enabled on cost_budgets (enabled, org_id);
alter table cost_budgets enable row level security;
alter table cost_budgets force row level security;
create policy tenant on cost_budgets
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create table cost_budget_breaches (
  org_id          text not null,
  id              text not null,
  budget_id       text not null,
  period_key      text not null,
  kind            text not null,
  spend_usd       double precision not null,
  threshold_usd   double precision not null,
  session_id      text,
  breached_at     timestamptz not null,
  action          text not null,
  action_executed boolean not null,
  action_result   text not null,
  primary key (org_id, id),
  unique (org_id, budget_id, period_key, kind),
  foreign key (org_id, budget_id) references cost_budgets (org_id, id) on delete cascade
);
create index cost_budget_breaches_time on cost_budget_breaches (org_id, budget_id, breached_at);
alter table cost_budget_breaches enable row level security;
alter table cost_budget_breaches force row level security;
create policy tenant on cost_budget_breaches
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on cost_budgets, cost_budget_breaches to ${appRole};

-- why: the periodic budget check must find the orgs with enabled budgets, which RLS hides from the
-- app role; this returns ids only. The owner needs a read policy for it (FORCE RLS applies to the
-- owner too), as for api_key_by_prefix in V1.
do $$ begin
  execute format('create policy owner_org_ids on cost_budgets for select to %I using (true)', current_user);
end $$;
create function cost_budget_org_ids() returns setof text
  language sql stable security definer set search_path = public, pg_temp
as $$ select distinct org_id from cost_budgets where enabled $$;
revoke all on function cost_budget_org_ids() from public;
grant execute on function cost_budget_org_ids() to ${appRole};
