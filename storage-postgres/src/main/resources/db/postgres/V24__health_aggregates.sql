-- Health aggregates (issue 11): per-agent tool counts of a window, read from the index alone:
-- tool_call / tool_error, and failed tool responses (top-level JSON isError: true). Partial, so
-- other events pay nothing at write time. Indexes only: the events table keeps its RLS policy.
create index events_health_tools on events (org_id, event_type, ts, agent_id)
  where event_type in ('tool_call', 'tool_error');
create index events_health_failed on events (org_id, ts, agent_id)
  where event_type = 'tool_response' and (payload -> 'isError') = 'true'::jsonb;
