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
