-- Issue 11: daily health snapshots per (org, agent, UTC date), alert rules and their firings.
-- Tenant-scoped like every table with org_id.
create table health_snapshots (
  org_id                text not null references orgs(id) on delete cascade,
  agent_id              text not null,
  snapshot_date         text not null,
  overall_score         double precision not null,
  error_rate_score      double precision not null,
  cost_efficiency_score double precision not null,
  tool_success_score    double precision not null,
  latency_score         double precision not null,
  completion_rate_score double precision not null,
  session_count         bigint not null,
  primary key (org_id, agent_id, snapshot_date)
);

create table alert_rules (
  org_id          text not null references orgs(id) on delete cascade,
  id              text not null,
  name            text not null,
  enabled         boolean not null,
  condition_type  text not null,
  threshold       double precision not null,
  window_minutes  integer not null,
  agent_id        text,
  tags            text not null,
  notify_channels text not null,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  primary key (org_id, id)
);

create table alert_history (
  org_id            text not null references orgs(id) on delete cascade,
  id                text not null,
  rule_id           text not null,
  rule_name         text not null,
  condition_type    text not null,
  measured_value    double precision not null,
  threshold         double precision not null,
  window_from       timestamptz not null,
  triggered_at      timestamptz not null,
  delivery_channels text not null,
  delivery_errors   text not null,
  primary key (org_id, id)
);
create index alert_history_rule_time on alert_history (org_id, rule_id, triggered_at);
create index alert_history_time on alert_history (org_id, triggered_at);

alter table health_snapshots enable row level security;
alter table health_snapshots force row level security;
create policy tenant on health_snapshots
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

alter table alert_rules enable row level security;
alter table alert_rules force row level security;
create policy tenant on alert_rules
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

alter table alert_history enable row level security;
alter table alert_history force row level security;
create policy tenant on alert_history
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on health_snapshots, alert_rules, alert_history to ${appRole};
