-- Guardrail actions rate_limit and agentgate_policy (reference §4.3.6): a triggered rate_limit rule
-- sets a per-agent events-per-minute limit that lapses at rate_limited_until; agentgate_policy
-- stores the policy reference the request check returns.
alter table agents add column rate_limit_per_minute integer;
alter table agents add column rate_limited_until timestamptz;
alter table agents add column agentgate_policy text;
