create table audit_log (
  id          text primary key,
  org_id      text not null,
  occurred_at integer not null,
  actor_type  text not null check (actor_type in ('user','api_key','system')),
  actor_id    text not null,
  action      text not null,
  target_type text,
  target_id   text,
  ip          text,
  result      text not null check (result in ('success','failure')),
  details     text not null default '{}'
);
create index audit_log_org_time on audit_log (org_id, occurred_at);
create index audit_log_actor on audit_log (actor_id);

-- Append-only (PC-14). The one exception is the anonymization of account deletion (FR-72): it
-- inserts a row here inside its transaction, which unlocks updates of actor/target/ip only.
create table audit_unlock (reason text not null);

create trigger audit_log_no_delete before delete on audit_log
begin
  select raise(abort, 'audit_log is append-only');
end;

create trigger audit_log_no_update before update on audit_log
when (select count(*) from audit_unlock) = 0
begin
  select raise(abort, 'audit_log is append-only');
end;

create trigger audit_log_anonymize_only before update of id, org_id, occurred_at, actor_type, action, target_type, result, details on audit_log
begin
  select raise(abort, 'audit_log is append-only');
end;
