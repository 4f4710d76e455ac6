create table audit_log (
  id          text primary key,
  org_id      text not null,
  occurred_at timestamptz not null,
  actor_type  text not null check (actor_type in ('user','api_key','system')),
  actor_id    text not null,
  action      text not null,
  target_type text,
  target_id   text,
  ip          text,
  result      text not null check (result in ('success','failure')),
  details     jsonb not null default '{}'
);
create index audit_log_org_time on audit_log (org_id, occurred_at);
create index audit_log_actor on audit_log (actor_id);
alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy tenant on audit_log
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

-- Append-only (PC-14): the application role may only read and insert.
grant select, insert on audit_log to ${appRole};

-- And nobody, the owner included, may change or remove entries, except the anonymization of
-- account deletion (FR-72), which runs inside anonymize_audit_actor and flags itself.
create function audit_log_append_only() returns trigger
  language plpgsql set search_path = public, pg_temp
as $$
begin
  if tg_op = 'UPDATE' and current_setting('app.audit_anonymizing', true) = 'on'
     and new.id = old.id and new.org_id = old.org_id and new.occurred_at = old.occurred_at
     and new.actor_type = old.actor_type and new.action = old.action
     and new.target_type is not distinct from old.target_type
     and new.result = old.result and new.details = old.details then
    return new;
  end if;
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
create function audit_log_no_truncate() returns trigger
  language plpgsql set search_path = public, pg_temp
as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end $$;
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_no_truncate();

do $$ begin
  execute format('create policy owner_anonymize on audit_log for all to %I using (true) with check (true)', current_user);
end $$;
create function anonymize_audit_actor(p_user_id text)
  returns table (org_id text, n bigint)
  language plpgsql security definer set search_path = public, pg_temp
as $$
begin
  perform set_config('app.audit_anonymizing', 'on', true);
  return query
    with changed as (
      update audit_log a set
        actor_id  = case when a.actor_id = p_user_id then 'anonymized' else a.actor_id end,
        target_id = case when a.target_id = p_user_id then 'anonymized' else a.target_id end,
        ip = null
      where a.actor_id = p_user_id or a.target_id = p_user_id
      returning a.org_id)
    select c.org_id, count(*) from changed c group by c.org_id;
  perform set_config('app.audit_anonymizing', 'off', true);
end $$;
revoke all on function anonymize_audit_actor(text) from public;
grant execute on function anonymize_audit_actor(text) to ${appRole};
