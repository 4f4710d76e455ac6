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
  requested_at timestamptz not null,
  updated_at   timestamptz not null,
  completed_at timestamptz,
  check ((kind = 'org') = (org_id is not null))
);
create index deletion_requests_pending on deletion_requests (state, requested_at);
create index deletion_requests_user on deletion_requests (user_id, requested_at);
create index deletion_requests_org on deletion_requests (org_id, requested_at);
alter table deletion_requests enable row level security;
alter table deletion_requests force row level security;
-- why: the Owner reads an org's request after its memberships are gone (app.current_user), and an
-- account's request has no org at all; a row is visible in its org or to the user who asked
create policy tenant on deletion_requests
  using (org_id = current_setting('app.current_org', true)
         or user_id = current_setting('app.current_user', true))
  with check (org_id = current_setting('app.current_org', true)
              or user_id = current_setting('app.current_user', true));

grant select, insert, update on deletion_requests to ${appRole};

-- The deletion job lists pending requests of every org; the app role sees one tenant at a time, so
-- one security-definer function owned by the owner role reads them (FORCE RLS applies to the owner
-- too, hence its read policy).
do $$ begin
  execute format('create policy owner_reads_all on deletion_requests for select to %I using (true)',
                 current_user);
end $$;
create function pending_deletion_requests(p_limit integer) returns setof deletion_requests
  language sql stable security definer set search_path = public, pg_temp
  as $$ select * from deletion_requests where state <> 'done'
        order by requested_at, id limit p_limit $$;
revoke all on function pending_deletion_requests(integer) from public;
grant execute on function pending_deletion_requests(integer) to ${appRole};

-- Audit-log retention per plan (PC-16): the purge job deletes an org's entries past its plan's
-- audit window through expire_audit_entries, owned by the owner role; the log stays append-only for
-- everything else (PC-18), and the function refuses any cutoff less than 90 days old.
create or replace function audit_log_append_only() returns trigger
  language plpgsql set search_path = public, pg_temp
as $$
begin
  if tg_op = 'DELETE' and current_setting('app.audit_expiring', true) = 'on' then
    return old;
  end if;
  if tg_op = 'UPDATE' and current_setting('app.audit_anonymizing', true) = 'on'
     and new.id = old.id and new.org_id = old.org_id and new.occurred_at = old.occurred_at
     and new.actor_type = old.actor_type and new.action = old.action
     and new.target_type is not distinct from old.target_type
     and new.result = old.result and new.details = old.details then
    return new;
  end if;
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end $$;

create function expire_audit_entries(p_org text, p_before timestamptz, p_limit integer)
  returns integer
  language plpgsql security definer set search_path = public, pg_temp
as $$
declare
  v_deleted integer;
begin
  if p_before > now() - interval '90 days' then
    raise exception 'audit entries are kept for at least 90 days' using errcode = 'P0001';
  end if;
  perform set_config('app.audit_expiring', 'on', true);
  delete from audit_log where id in (
    select id from audit_log where org_id = p_org and occurred_at < p_before
    order by occurred_at limit p_limit);
  get diagnostics v_deleted = row_count;
  perform set_config('app.audit_expiring', 'off', true);
  return v_deleted;
end $$;
revoke all on function expire_audit_entries(text, timestamptz, integer) from public;
grant execute on function expire_audit_entries(text, timestamptz, integer) to ${appRole};
