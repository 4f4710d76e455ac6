-- Root-cause analysis of incidents (issue 17, seed 003 R4.4): the latest analysis of each incident,
-- done (summary, likely cause, evidence and fixes as JSON string arrays) or failed (error), with the
-- LLM requests it read and how many analyses were run. Replaced by each new analysis.
create table incident_rca (
  org_id          text not null references orgs(id) on delete cascade,
  incident_id     text not null,
  status          text not null,
  source          text not null,
  summary         text,
  likely_cause    text,
  evidence        text,
  fixes           text,
  request_ids     text not null,
  error           text,
  attempts        integer not null,
  updated_at      integer not null,
  primary key (org_id, incident_id)
);
