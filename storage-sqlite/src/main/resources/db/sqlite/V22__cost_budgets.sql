-- Cost budgets (reference §4.3.11) and the history of their breaches: at most one breach per
-- (budget, period key, kind), which is what makes the periodic check record a breach once per period.
create table cost_budgets (
  org_id             text not null references orgs(id) on delete cascade,
  id                 text not null,
  scope              text not null,
  agent_id           text,
  period             text not null,
  limit_usd          real not null,
  on_breach          text not null,
  anomaly_multiplier real,
  enabled            boolean not null,
  created_at         integer not null,
  updated_at         integer not null,
  primary key (org_id, id)
);
create index cost_budgets_enabled on cost_budgets (enabled, org_id);

create table cost_budget_breaches (
  org_id          text not null,
  id              text not null,
  budget_id       text not null,
  period_key      text not null,
  kind            text not null,
  spend_usd       real not null,
  threshold_usd   real not null,
  session_id      text,
  breached_at     integer not null,
  action          text not null,
  action_executed boolean not null,
  action_result   text not null,
  primary key (org_id, id),
  unique (org_id, budget_id, period_key, kind),
  foreign key (org_id, budget_id) references cost_budgets (org_id, id) on delete cascade
);
create index cost_budget_breaches_time on cost_budget_breaches (org_id, budget_id, breached_at);
