-- Stripe billing (issue 14): one billing row per org, the processed webhook events (exactly-once by
-- event id) and the overage reported per org and hour (a retried hour is never billed twice).
create table org_billing (
  org_id             text primary key references orgs(id) on delete cascade,
  customer_id        text,
  subscription_id    text,
  status             text not null,
  plan               text,
  billing_interval   text,
  current_period_end timestamptz,
  trial_end          timestamptz,
  pending_plan       text,
  pending_at         timestamptz,
  payment_state      text not null,
  grace_until        timestamptz,
  trial_warned_at    timestamptz,
  updated_at         timestamptz not null
);
alter table org_billing enable row level security;
alter table org_billing force row level security;
create policy tenant on org_billing
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

-- Not tenant data: a Stripe event id, before it is known which org it concerns.
create table billing_webhook_events (
  event_id     text primary key,
  type         text not null,
  processed_at timestamptz not null
);

create table billing_overage_reports (
  org_id      text not null references orgs(id) on delete cascade,
  hour_start  timestamptz not null,
  events      bigint not null,
  identifier  text not null,
  reported_at timestamptz not null,
  primary key (org_id, hour_start)
);
alter table billing_overage_reports enable row level security;
alter table billing_overage_reports force row level security;
create policy tenant on billing_overage_reports
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

-- why: the leased billing jobs walk every org with a billing row; RLS shows the app role one org
create function billing_org_ids() returns setof text
  language sql stable security definer set search_path = public, pg_temp
as $$ select id from orgs order by id $$;
revoke all on function billing_org_ids() from public;
grant execute on function billing_org_ids() to ${appRole};

grant select, insert, update, delete on org_billing, billing_webhook_events, billing_overage_reports
  to ${appRole};
