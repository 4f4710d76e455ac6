-- Stripe billing (issue 14): one billing row per org, the processed webhook events (exactly-once by
-- event id) and the overage reported per org and hour (a retried hour is never billed twice).
-- Self-hosted has no billing; the tables exist so both backends keep one schema.
create table org_billing (
  org_id             text primary key references orgs(id) on delete cascade,
  customer_id        text,
  subscription_id    text,
  status             text not null,
  plan               text,
  billing_interval   text,
  current_period_end integer,
  trial_end          integer,
  pending_plan       text,
  pending_at         integer,
  payment_state      text not null,
  grace_until        integer,
  trial_warned_at    integer,
  updated_at         integer not null
);

create table billing_webhook_events (
  event_id     text primary key,
  type         text not null,
  processed_at integer not null
);

create table billing_overage_reports (
  org_id      text not null references orgs(id) on delete cascade,
  hour_start  integer not null,
  events      integer not null,
  identifier  text not null,
  reported_at integer not null,
  primary key (org_id, hour_start)
);
