-- Deletion queue (issue 15, FR-71, FR-72, PC-11): org and account deletions that the deletion job
-- works through until done. No foreign key to orgs or users: a request outlives its subject, so
-- the Owner still sees its state once the org is gone.
create table deletion_requests (
  id           text not null primary key,
  kind         text not null check (kind in ('org', 'account')),
  org_id       text,
  user_id      text not null,
  state        text not null check (state in ('requested', 'in_progress', 'done', 'failed')),
  attempts     integer not null default 0,
  last_error   text,
  requested_at integer not null,
  updated_at   integer not null,
  completed_at integer,
  check ((kind = 'org') = (org_id is not null))
);
create index deletion_requests_pending on deletion_requests (state, requested_at);
create index deletion_requests_user on deletion_requests (user_id, requested_at);
create index deletion_requests_org on deletion_requests (org_id, requested_at);

-- Audit-log retention per plan (PC-16): the purge job deletes entries past the plan's audit
-- window; it inserts a row here inside its transaction, which lets that delete through (the log
-- stays append-only for everything else, PC-18).
create table audit_expiry (reason text not null);
drop trigger audit_log_no_delete;
create trigger audit_log_no_delete before delete on audit_log
when (select count(*) from audit_expiry) = 0
begin
  select raise(abort, 'audit_log is append-only');
end;
