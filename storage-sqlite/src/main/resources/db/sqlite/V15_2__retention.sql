-- Retention (issue 15): the first kept sequence of each partly purged session, so its hash chain
-- is verified from there, and the leases that let one runner do a periodic job.
create table session_purge_points (
  org_id              text not null,
  session_id          text not null,
  first_kept_sequence integer not null,
  primary key (org_id, session_id)
);

create table job_leases (
  job        text primary key,
  owner      text not null,
  expires_at integer not null
);
