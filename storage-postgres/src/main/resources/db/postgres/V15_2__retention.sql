-- Retention (issue 15): the first kept sequence of each partly purged session, so its hash chain
-- is verified from there, and the leases that let one runner do a periodic job.
create table session_purge_points (
  org_id              text not null,
  session_id          text not null,
  first_kept_sequence bigint not null,
  primary key (org_id, session_id)
);
alter table session_purge_points enable row level security;
alter table session_purge_points force row level security;
create policy tenant on session_purge_points
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

-- why: a lease belongs to the deployment, not to a tenant, so this table has no org and no RLS
create table job_leases (
  job        text primary key,
  owner      text not null,
  expires_at timestamptz not null
);

grant select, insert, update, delete on session_purge_points, job_leases to ${appRole};

-- Detaches and drops the monthly event partitions that end at or before p_cutoff; the app role
-- does not own events, so it cannot do it itself. Returns the number dropped.
create function drop_event_partitions_before(p_cutoff timestamptz) returns integer
  language plpgsql security definer set search_path = public, pg_temp
as $$
declare
  r record;
  v_dropped integer := 0;
begin
  for r in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
           where i.inhparent = 'events'::regclass and c.relname ~ '^events_p[0-9]{6}$'
           order by c.relname loop
    if ((to_date(substr(r.relname, 9, 6), 'YYYYMM') + interval '1 month') at time zone 'UTC')
       <= p_cutoff then
      execute format('alter table events detach partition %I', r.relname);
      execute format('drop table %I', r.relname);
      v_dropped := v_dropped + 1;
    end if;
  end loop;
  return v_dropped;
end $$;
revoke all on function drop_event_partitions_before(timestamptz) from public;
grant execute on function drop_event_partitions_before(timestamptz) to ${appRole};

-- why: orgs forces RLS even on its owner, so the owner's security-definer functions that list every
-- org (rollup_org_ids, used by the purge and the roll-up rebuild) saw none; this lets only the
-- owner role (the one running migrations) read every org. The app role still sees one org at a time.
do $$
begin
  execute format('create policy owner_reads_all on orgs for select to %I using (true)', current_user);
end $$;
