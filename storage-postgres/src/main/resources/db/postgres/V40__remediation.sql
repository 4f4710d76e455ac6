-- Agent settings and remediation (issue 17, seed 003 R5 and R8). agent_settings holds each agent's own
-- settings and, under the empty agent id, the org defaults; an unset column (NULL) falls back to the
-- default. Lists are JSON string arrays. remediations is each incident's history of remediations:
-- kind, parameters (JSON), status, the snapshot of what was changed (JSON) so a revert restores it.
create table agent_settings (
  org_id                 text not null references orgs(id) on delete cascade,
  agent_id               text not null,
  preferred_model        text,
  risk_threshold         integer,
  rate_limit_per_minute  integer,
  system_prompt          text,
  disabled_tools         text,
  disabled_routes        text,
  primary key (org_id, agent_id)
);

create table remediations (
  org_id       text not null references orgs(id) on delete cascade,
  id           text not null,
  incident_id  text not null,
  agent_id     text,
  kind         text not null,
  params       text not null,
  status       text not null,
  snapshot     text not null,
  applied_by   text not null,
  applied_at   timestamptz not null,
  reverted_by  text,
  reverted_at  timestamptz,
  error        text,
  primary key (org_id, id)
);
create index remediations_incident on remediations (org_id, incident_id, applied_at);

alter table agent_settings enable row level security;
alter table agent_settings force row level security;
create policy tenant on agent_settings
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));
grant select, insert, update, delete on agent_settings to ${appRole};

alter table remediations enable row level security;
alter table remediations force row level security;
create policy tenant on remediations
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));
grant select, insert, update, delete on remediations to ${appRole};
