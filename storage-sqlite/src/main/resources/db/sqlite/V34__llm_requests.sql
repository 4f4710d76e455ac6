-- The LLM request log (seed 003 R3, R7): one row per (org, call id), paired from llm_call/llm_response
-- events or posted whole to /api/llm/requests, with its risk score. Texts are stored masked/redacted
-- as the org's settings say. seq is the integer key the FTS5 index points at (an explicit INTEGER
-- PRIMARY KEY, so VACUUM cannot renumber it under the index). Times are epoch microseconds.
create table llm_requests (
  seq           integer primary key,
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
  latency_ms    integer,
  input_tokens  integer,
  output_tokens integer,
  risk_score    integer,
  risk_version  text,
  risk_reasons  text not null default '[]',
  source        text not null,
  started_at    integer not null,
  completed_at  integer,
  unique (org_id, id),
  unique (org_id, call_id)
);
create index llm_requests_started on llm_requests (org_id, started_at);
create index llm_requests_agent on llm_requests (org_id, agent_id, started_at);
create index llm_requests_risk on llm_requests (org_id, risk_score);

-- External-content FTS5 index over prompt and response, kept in sync by the triggers below.
create virtual table llm_requests_fts using fts5(
  prompt, response,
  content = 'llm_requests', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 0'
);
create trigger llm_requests_fts_insert after insert on llm_requests begin
  insert into llm_requests_fts (rowid, prompt, response) values (new.seq, new.prompt, new.response);
end;
create trigger llm_requests_fts_delete after delete on llm_requests begin
  insert into llm_requests_fts (llm_requests_fts, rowid, prompt, response)
    values ('delete', old.seq, old.prompt, old.response);
end;
create trigger llm_requests_fts_update after update of prompt, response on llm_requests begin
  insert into llm_requests_fts (llm_requests_fts, rowid, prompt, response)
    values ('delete', old.seq, old.prompt, old.response);
  insert into llm_requests_fts (rowid, prompt, response) values (new.seq, new.prompt, new.response);
end;
