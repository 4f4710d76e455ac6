-- The LLM request log's inbox (issue 17): the event store notes, in the transaction that stores them,
-- which llm_call / llm_response events the request log still has to pair and score — one row per
-- org and up to 256 such events of one write — and the recorder deletes a row once its events are in
-- the log. Nothing the log should hold is lost when the recorder falls behind (it used to drop
-- events from a bounded in-memory backlog) or when the process stops: the rows wait here.
-- event_ids is a JSON array of the event ids; first_ts / last_ts bound their timestamps, so reading
-- them back visits only the month partitions that hold them.
create table llm_log_inbox (
  seq        bigint generated always as identity primary key,
  org_id     text not null references orgs(id) on delete cascade,
  event_ids  text not null,
  first_ts   timestamptz not null,
  last_ts    timestamptz not null,
  noted_at   timestamptz not null
);
create index llm_log_inbox_org on llm_log_inbox (org_id, seq);

alter table llm_log_inbox enable row level security;
alter table llm_log_inbox force row level security;
create policy tenant on llm_log_inbox
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));
grant select, insert, delete on llm_log_inbox to ${appRole};

-- why: the recorder must find the orgs with waiting rows, which RLS hides from the app role; this
-- returns ids only (a skip scan over the index, so a long inbox costs one probe per org). The owner
-- needs a read policy for it (FORCE RLS applies to the owner too), as for cost_budget_org_ids in V22.
do $$ begin
  execute format('create policy owner_reads_all on llm_log_inbox for select to %I using (true)',
                 current_user);
end $$;
create function llm_log_inbox_orgs(p_limit integer) returns setof text
  language sql stable security definer set search_path = public, pg_temp
as $$
  with recursive o(org_id) as (
    (select org_id from llm_log_inbox order by org_id limit 1)
    union all
    select (select i.org_id from llm_log_inbox i where i.org_id > o.org_id order by i.org_id limit 1)
      from o where o.org_id is not null
  )
  select org_id from o where org_id is not null limit p_limit
$$;
revoke all on function llm_log_inbox_orgs(integer) from public;
grant execute on function llm_log_inbox_orgs(integer) to ${appRole};
