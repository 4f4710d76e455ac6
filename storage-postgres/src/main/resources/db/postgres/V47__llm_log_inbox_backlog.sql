-- The LLM request log's backlog for operators (issue 18): how many inbox notes wait and when the
-- oldest was written, across every org, published as gauges on /metrics. RLS shows the app role one
-- org's notes, so this owner function counts them all; it returns two aggregates and nothing that
-- names an org or an event. It reads through the owner's read policy of V43.
create function llm_log_inbox_backlog() returns table (notes bigint, oldest timestamptz)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select count(*), min(noted_at) from llm_log_inbox
$$;
revoke all on function llm_log_inbox_backlog() from public;
grant execute on function llm_log_inbox_backlog() to ${appRole};
