-- Issue 11: daily health snapshots per (org, agent, UTC date), alert rules and their firings.
create table health_snapshots (
  org_id                text not null references orgs(id) on delete cascade,
  agent_id              text not null,
  snapshot_date         text not null,
  overall_score         real not null,
  error_rate_score      real not null,
  cost_efficiency_score real not null,
  tool_success_score    real not null,
  latency_score         real not null,
  completion_rate_score real not null,
  session_count         integer not null,
  primary key (org_id, agent_id, snapshot_date)
);

create table alert_rules (
  org_id          text not null references orgs(id) on delete cascade,
  id              text not null,
  name            text not null,
  enabled         boolean not null,
  condition_type  text not null,
  threshold       real not null,
  window_minutes  integer not null,
  agent_id        text,
  tags            text not null,
  notify_channels text not null,
  created_at      integer not null,
  updated_at      integer not null,
  primary key (org_id, id)
);

create table alert_history (
  org_id            text not null references orgs(id) on delete cascade,
  id                text not null,
  rule_id           text not null,
  rule_name         text not null,
  condition_type    text not null,
  measured_value    real not null,
  threshold         real not null,
  window_from       integer not null,
  triggered_at      integer not null,
  delivery_channels text not null,
  delivery_errors   text not null,
  primary key (org_id, id)
);
create index alert_history_rule_time on alert_history (org_id, rule_id, triggered_at);
create index alert_history_time on alert_history (org_id, triggered_at);
