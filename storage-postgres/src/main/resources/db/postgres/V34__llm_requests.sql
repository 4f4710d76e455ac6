-- The LLM request log (seed 003 R3, R7): one row per (org, call id), paired from llm_call/llm_response
-- events or posted whole to /api/llm/requests, with its risk score. Texts are stored masked/redacted
-- as the org's settings say. search is the full-text vector over prompt and response (the 'simple'
-- configuration: lower-cased words, no stemming, like SQLite's unicode61), indexed with GIN.
create table llm_requests (
  org_id        text not null references orgs(id) on delete cascade,
  id            text not null,
  call_id       text not null,
  agent_id      text,
  session_id    text,
  provider      text,
  model         text,
  prompt        text not null default '',
  response      text not null default '',
  status        text not null,
  finish_reason text,
  latency_ms    bigint,
  input_tokens  integer,
  output_tokens integer,
  risk_score    integer,
  risk_version  text,
  risk_reasons  text not null default '[]',
  source        text not null,
  started_at    timestamptz not null,
  completed_at  timestamptz,
  -- why: a tsvector is limited to 1 MB, so only the first 200,000 characters of each text are indexed
  search        tsvector generated always as (
    to_tsvector('simple'::regconfig, left(prompt, 200000) || ' ' || left(response, 200000))) stored,
  primary key (org_id, id),
  unique (org_id, call_id)
);
create index llm_requests_started on llm_requests (org_id, started_at);
create index llm_requests_agent on llm_requests (org_id, agent_id, started_at);
create index llm_requests_risk on llm_requests (org_id, risk_score);
create index llm_requests_search on llm_requests using gin (search);
alter table llm_requests enable row level security;
alter table llm_requests force row level security;
create policy tenant on llm_requests
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on llm_requests to ${appRole};
