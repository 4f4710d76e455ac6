-- Health from roll-ups (issue 11): the health overview counted each window's tool_error events and
-- failed tool_responses (top-level JSON isError: true) from events, ~400,000 index entries per window
-- at 1,000 agents / 1,000,000 events. The event writer now adds them to the roll-ups with the events,
-- as it already did tool_calls, and the overview reads whole hours and days from here.
alter table rollup_hourly add column tool_errors integer not null default 0;
alter table rollup_hourly add column tool_failed integer not null default 0;
alter table rollup_daily add column tool_errors integer not null default 0;
alter table rollup_daily add column tool_failed integer not null default 0;

-- Backfill from the stored events. Tool events have provider = model = ''; a key's counts go to its
-- lowest shard (SQLite writes shard 0 only). Buckets and ts are microseconds since the epoch.
update rollup_hourly set
  tool_errors = (select count(*) from events e where e.org_id = rollup_hourly.org_id
    and e.agent_id = rollup_hourly.agent_id and e.event_type = 'tool_error'
    and e.ts >= rollup_hourly.bucket and e.ts < rollup_hourly.bucket + 3600000000),
  tool_failed = (select count(*) from events e where e.org_id = rollup_hourly.org_id
    and e.agent_id = rollup_hourly.agent_id and e.event_type = 'tool_response'
    and json_type(e.payload, '$.isError') = 'true'
    and e.ts >= rollup_hourly.bucket and e.ts < rollup_hourly.bucket + 3600000000)
where provider = '' and model = '' and shard = (select min(r.shard) from rollup_hourly r
  where r.org_id = rollup_hourly.org_id and r.bucket = rollup_hourly.bucket
  and r.agent_id = rollup_hourly.agent_id and r.provider = '' and r.model = '');

update rollup_daily set
  tool_errors = (select count(*) from events e where e.org_id = rollup_daily.org_id
    and e.agent_id = rollup_daily.agent_id and e.event_type = 'tool_error'
    and e.ts >= rollup_daily.bucket and e.ts < rollup_daily.bucket + 86400000000),
  tool_failed = (select count(*) from events e where e.org_id = rollup_daily.org_id
    and e.agent_id = rollup_daily.agent_id and e.event_type = 'tool_response'
    and json_type(e.payload, '$.isError') = 'true'
    and e.ts >= rollup_daily.bucket and e.ts < rollup_daily.bucket + 86400000000)
where provider = '' and model = '' and shard = (select min(r.shard) from rollup_daily r
  where r.org_id = rollup_daily.org_id and r.bucket = rollup_daily.bucket
  and r.agent_id = rollup_daily.agent_id and r.provider = '' and r.model = '');
