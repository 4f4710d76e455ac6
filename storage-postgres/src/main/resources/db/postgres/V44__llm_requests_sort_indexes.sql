-- Sorting the LLM request log by latency, risk or model (issue 17, seed 003 R7). Every such sort
-- used to read and sort all of the org's rows (about a second at 1,000,000 requests), because the
-- order put the rows without a value last with an expression no index serves. The search now takes
-- the rows with a value in index order and those without by id (JdbcLlmColumnSearch), so each sort
-- has an index that ends with the tie-break: latency and model are new, the risk index gains the id.
create index llm_requests_latency on llm_requests (org_id, latency_ms, id);
create index llm_requests_model on llm_requests (org_id, model, id);
drop index llm_requests_risk;
create index llm_requests_risk on llm_requests (org_id, risk_score, id);
