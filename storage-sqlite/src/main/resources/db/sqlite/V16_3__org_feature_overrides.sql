-- Per-org feature overrides set by an operator (features enable|disable): an explicit on or off
-- that beats the org's plan.
create table org_features (
  org_id     text not null references orgs(id) on delete cascade,
  feature    text not null,
  enabled    boolean not null,
  updated_at integer not null,
  primary key (org_id, feature)
);
