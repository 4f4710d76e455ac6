-- Full-text search of the LLM request log (issue 17, seed 003 R7). Under Row-Level Security the
-- planner applies the tenant policy before any condition that is not leakproof, and `@@` is not,
-- so the GIN index on search was never used: ranking a word over 1,000,000 rows scanned the org,
-- and so did a search by time for a word in a handful of rows.
-- llm_requests_matching runs as the owner role, which may read every row (policy owner_reads_all,
-- as for deletion_requests in V37), so the planner can use the GIN index or walk
-- llm_requests_started, whichever is cheaper; the function itself keeps to the org of the caller's transaction
-- (app.current_org, set by the application in every unit of work) and returns nothing without one.
-- It returns the org's newest (or oldest) n matches that pass the filters, each with its ts_rank;
-- the caller joins them back to llm_requests under its own policy. With time_window > 0 it walks
-- that many newest (oldest) rows before it turns to the GIN index (see below); with 0 the planner
-- chooses. The filters are bound ($n), never spliced.
do $$ begin
  execute format('create policy owner_reads_all on llm_requests for select to %I using (true)',
                 current_user);
end $$;
create function llm_requests_matching(
    q tsquery, n integer, oldest_first boolean, time_window integer, p_agent text, p_model text,
    p_provider text, p_status text, p_min_risk integer, p_max_risk integer, p_from timestamptz,
    p_to timestamptz)
  returns table (id text, rank real)
  language plpgsql stable security definer set search_path = public, pg_temp
as $$
declare
  org text := current_setting('app.current_org', true);
  filters text;
  dir text;
  found_rows bigint;
begin
  if org is null or org = '' or q is null or n is null or n < 1 or oldest_first is null
     or time_window is null then
    return;
  end if;
  filters := ' where r.org_id = $2'
    || case when p_agent is null then '' else ' and r.agent_id = $3' end
    || case when p_model is null then '' else ' and r.model = $4' end
    || case when p_provider is null then '' else ' and r.provider = $5' end
    || case when p_status is null then '' else ' and r.status = $6' end
    || case when p_min_risk is null then '' else ' and r.risk_score >= $7' end
    || case when p_max_risk is null then '' else ' and r.risk_score <= $8' end
    || case when p_from is null then '' else ' and r.started_at >= $9' end
    || case when p_to is null then '' else ' and r.started_at < $10' end;
  dir := case when oldest_first then ' asc' else ' desc' end;
  if time_window < 1 then
    return query execute
      'select r.id, ts_rank(r.search, $1) from llm_requests r' || filters
      || ' and r.search @@ $1 order by r.started_at' || dir || ', r.id' || dir || ' limit $11'
      using q, org, p_agent, p_model, p_provider, p_status, p_min_risk, p_max_risk, p_from, p_to,
            n;
    return;
  end if;
  -- why: the planner prices a LIMIT walk by its estimate of the word's frequency, and a word
  -- missing from the statistics is priced as if in ~0.5 % of rows: a word in 10 rows of 1,000,000
  -- then walked the whole org (0.9 s). So the newest (or oldest) time_window rows are walked
  -- first, which serves frequent words; when they hold fewer than n matches, the rest come from
  -- the GIN index, sorted (the order on an expression keeps the planner off the start-time
  -- index), skipping the matches the window already returned (they are the first ones).
  return query execute
    'select r.id, ts_rank(r.search, $1) from (select * from llm_requests r' || filters
    || ' order by r.started_at' || dir || ', r.id' || dir || ' limit $12) r'
    || ' where r.search @@ $1 order by r.started_at' || dir || ', r.id' || dir || ' limit $11'
    using q, org, p_agent, p_model, p_provider, p_status, p_min_risk, p_max_risk, p_from, p_to,
          n, time_window;
  get diagnostics found_rows = row_count;
  if found_rows < n then
    return query execute
      'select r.id, ts_rank(r.search, $1) from llm_requests r' || filters
      || ' and r.search @@ $1 order by r.started_at + interval ''0 s''' || dir
      || ', r.id' || dir || ' limit $11 offset $12'
      using q, org, p_agent, p_model, p_provider, p_status, p_min_risk, p_max_risk, p_from, p_to,
            n - found_rows, found_rows;
  end if;
end $$;
revoke all on function llm_requests_matching(tsquery, integer, boolean, integer, text, text, text,
  text, integer, integer, timestamptz, timestamptz) from public;
grant execute on function llm_requests_matching(tsquery, integer, boolean, integer, text, text, text,
  text, integer, integer, timestamptz, timestamptz) to ${appRole};
