-- Per-org feature overrides set by an operator (features enable|disable): an explicit on or off
-- that beats the org's plan. Tenant-scoped like every table with org_id.
create table org_features (
  org_id     text not null references orgs(id) on delete cascade,
  feature    text not null,
  enabled    boolean not null,
  updated_at timestamptz not null,
  primary key (org_id, feature)
);
alter table org_features enable row level security;
alter table org_features force row level security;
create policy tenant on org_features
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on org_features to ${appRole};
