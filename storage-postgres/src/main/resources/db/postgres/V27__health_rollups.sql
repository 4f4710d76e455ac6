-- Health from roll-ups (issue 11): the health overview counted each window's tool_error events and
-- failed tool_responses (top-level JSON isError: true) from events, ~400,000 index entries per window
-- at 1,000 agents / 1,000,000 events. The event writer now adds them to the roll-ups with the events,
-- as it already did tool_calls, and the overview reads whole hours and days from here.
alter table rollup_hourly add column tool_errors bigint not null default 0;
alter table rollup_hourly add column tool_failed bigint not null default 0;
alter table rollup_daily add column tool_errors bigint not null default 0;
alter table rollup_daily add column tool_failed bigint not null default 0;

-- Backfill from the stored events, org by org. Tool events have provider = model = ''; a key's
-- counts go to its lowest shard. '24 hours', not '1 day', which the session time zone could make
-- 23 or 25 hours.
-- why: the tables FORCE row-level security, which binds the owner running this migration too, so
-- each org's rows are visible only with app.current_org set to it (orgs itself is readable by the
-- owner through V15_2's owner_reads_all policy)
do $$
declare
  o text;
  ids text[] := array(select id from orgs order by id);
begin
  foreach o in array ids loop
    perform set_config('app.current_org', o, true);
    update rollup_hourly h set
      tool_errors = (select count(*) from events e where e.org_id = h.org_id
        and e.agent_id = h.agent_id and e.event_type = 'tool_error'
        and e.ts >= h.bucket and e.ts < h.bucket + interval '1 hour'),
      tool_failed = (select count(*) from events e where e.org_id = h.org_id
        and e.agent_id = h.agent_id and e.event_type = 'tool_response'
        and (e.payload -> 'isError') = 'true'::jsonb
        and e.ts >= h.bucket and e.ts < h.bucket + interval '1 hour')
    where h.org_id = o and h.provider = '' and h.model = '' and h.shard = (select min(r.shard)
      from rollup_hourly r where r.org_id = h.org_id and r.bucket = h.bucket
      and r.agent_id = h.agent_id and r.provider = '' and r.model = '');
    update rollup_daily d set
      tool_errors = (select count(*) from events e where e.org_id = d.org_id
        and e.agent_id = d.agent_id and e.event_type = 'tool_error'
        and e.ts >= d.bucket and e.ts < d.bucket + interval '24 hours'),
      tool_failed = (select count(*) from events e where e.org_id = d.org_id
        and e.agent_id = d.agent_id and e.event_type = 'tool_response'
        and (e.payload -> 'isError') = 'true'::jsonb
        and e.ts >= d.bucket and e.ts < d.bucket + interval '24 hours')
    where d.org_id = o and d.provider = '' and d.model = '' and d.shard = (select min(r.shard)
      from rollup_daily r where r.org_id = d.org_id and r.bucket = d.bucket
      and r.agent_id = d.agent_id and r.provider = '' and r.model = '');
  end loop;
  perform set_config('app.current_org', '', true);
end $$;
