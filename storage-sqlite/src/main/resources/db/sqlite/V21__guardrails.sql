-- Guardrails (issue 11, reference §4.3.6): rules per org, their evaluation state and trigger
-- history, and what guardrail actions set on an agent (pause, model override).
create table guardrail_rules (
  org_id           text not null references orgs(id) on delete cascade,
  id               text not null,
  name             text not null,
  description      text,
  enabled          boolean not null,
  condition_type   text not null,
  condition_config text not null,
  action_type      text not null,
  action_config    text not null,
  agent_id         text,
  cooldown_minutes integer not null,
  dry_run          boolean not null,
  direction        text,
  tool_names       text not null,
  priority         integer not null,
  created_at       integer not null,
  updated_at       integer not null,
  primary key (org_id, id)
);

create table guardrail_state (
  org_id            text not null,
  rule_id           text not null,
  last_triggered_at integer,
  trigger_count     integer not null default 0,
  last_evaluated_at integer,
  current_value     real,
  primary key (org_id, rule_id),
  foreign key (org_id, rule_id) references guardrail_rules(org_id, id) on delete cascade
);

create table guardrail_trigger_history (
  org_id              text not null,
  id                  text not null,
  rule_id             text not null,
  triggered_at        integer not null,
  condition_value     real,
  condition_threshold real,
  action_executed     boolean not null,
  action_result       text not null,
  metadata            text not null,
  primary key (org_id, id),
  foreign key (org_id, rule_id) references guardrail_rules(org_id, id) on delete cascade
);
create index guardrail_trigger_history_by_time on guardrail_trigger_history (org_id, triggered_at, id);
create index guardrail_trigger_history_by_rule on guardrail_trigger_history (org_id, rule_id, triggered_at);

alter table agents add column paused_at integer;
alter table agents add column pause_reason text;
alter table agents add column model_override text;
