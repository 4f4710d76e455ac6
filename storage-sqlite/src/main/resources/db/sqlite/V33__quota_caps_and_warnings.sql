-- Quotas (issue 14, FR-58, FR-61): each org's overage cap as its Owner set it (a multiple of the
-- quota or a number of events; no row = the default 2x quota), and the periods whose 80 % warning
-- mail was sent, so restarts and other instances never send it again.
create table org_overage_caps (
  org_id     text not null primary key references orgs(id) on delete cascade,
  multiplier integer,
  events     integer,
  updated_at integer not null,
  check ((multiplier is null) <> (events is null))
);

create table quota_warnings (
  org_id  text not null references orgs(id) on delete cascade,
  period  text not null,
  sent_at integer not null,
  primary key (org_id, period)
);
