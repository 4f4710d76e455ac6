-- Health aggregates (issue 11): the per-agent tool counts of a window were read through
-- events_org_agent_time (org_id=?), a scan of the whole org, because grouping by agent_id then needs
-- no sort. These two partial indexes let the counts read only the window's tool events:
-- tool_call / tool_error counted from the index alone, and failed tool responses (top-level JSON
-- isError: true) found by an indexed expression without reading every response's payload.
create index events_health_tools on events (org_id, event_type, ts, agent_id)
  where event_type in ('tool_call', 'tool_error');
create index events_health_failed on events (org_id, json_type(payload, '$.isError'), ts, agent_id)
  where event_type = 'tool_response';
