-- Incidents (issue 17): per-org detection rules, incidents opened by rules, the hourly anomaly scan
-- or a Datadog monitor, and each incident's timeline of triggers. While an incident is open, a
-- trigger with the same dedupe_key (trigger type, rule or monitor, agent) updates it instead of
-- opening another: the partial unique index makes that hold under concurrent writers.
create table incident_rules (
  org_id          text not null references orgs(id) on delete cascade,
  id              text not null,
  rule_type       text not null,
  threshold       real not null,
  window_minutes  integer not null,
  severity        text not null,
  agent_id        text,
  enabled         boolean not null,
  created_at      integer not null,
  updated_at      integer not null,
  primary key (org_id, id)
);
create table incidents (
  org_id          text not null references orgs(id) on delete cascade,
  id              text not null,
  agent_id        text,
  rule_id         text,
  dedupe_key      text not null,
  title           text not null,
  severity        text not null,
  trigger_type    text not null,
  status          text not null,
  opened_at       integer not null,
  last_seen_at    integer not null,
  trigger_count   bigint not null,
  resolved_at     integer,
  resolved_by     text,
  details         text not null,
  related_ids     text not null,
  primary key (org_id, id)
);
create unique index incidents_open_key on incidents (org_id, dedupe_key) where status = 'open';
create index incidents_opened on incidents (org_id, opened_at);
create table incident_triggers (
  org_id          text not null references orgs(id) on delete cascade,
  incident_id     text not null,
  seq             bigint not null,
  at              integer not null,
  related_id      text,
  details         text not null,
  primary key (org_id, incident_id, seq)
);
-- The Datadog webhook (docs/incidents.md): one shared secret per org, kept as issued because the
-- HMAC check needs it (the server has no key to encrypt it with; the table is tenant-scoped like
-- alert_rules.webhook_secret), and the signatures seen in the replay window.
create table incident_webhook_secrets (
  org_id          text not null references orgs(id) on delete cascade,
  secret          text not null,
  created_at      integer not null,
  primary key (org_id)
);
create table incident_webhook_seen (
  org_id          text not null references orgs(id) on delete cascade,
  signature       text not null,
  seen_at         integer not null,
  primary key (org_id, signature)
);
