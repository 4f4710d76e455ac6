-- Quotas (issue 14, FR-58, FR-61): each org's overage cap as its Owner set it (a multiple of the
-- quota or a number of events; no row = the default 2x quota), and the periods whose 80 % warning
-- mail was sent, so restarts and other instances never send it again. Tenant-scoped like every
-- table with org_id.
create table org_overage_caps (
  org_id     text not null primary key references orgs(id) on delete cascade,
  multiplier integer,
  events     bigint,
  updated_at timestamptz not null,
  check ((multiplier is null) <> (events is null))
);
alter table org_overage_caps enable row level security;
alter table org_overage_caps force row level security;
create policy tenant on org_overage_caps
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create table quota_warnings (
  org_id  text not null references orgs(id) on delete cascade,
  period  text not null,
  sent_at timestamptz not null,
  primary key (org_id, period)
);
alter table quota_warnings enable row level security;
alter table quota_warnings force row level security;
create policy tenant on quota_warnings
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on org_overage_caps, quota_warnings to ${appRole};
