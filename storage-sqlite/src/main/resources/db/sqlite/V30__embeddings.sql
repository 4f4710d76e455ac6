-- Agent memory vectors (issue 12, reference §4.3.7): one row per embedded text (an event's one-line
-- summary or a session summary) and model. The vector is 4-byte little-endian IEEE floats in a
-- BLOB; ranking runs in the application.
create table embeddings (
  org_id       text not null references orgs(id) on delete cascade,
  source_type  text not null,
  source_id    text not null,
  session_id   text,
  agent_id     text,
  text         text not null,
  content_hash text not null,
  model        text not null,
  dims         integer not null check (dims > 0),
  vector       blob not null,
  created_at   integer not null,
  primary key (org_id, source_type, source_id, model)
);
-- the newest-candidates query: one org, one model, newest first; the tie-breaking columns are in the
-- index so a backward index scan yields the candidates in the query's full order and stops at its
-- limit (without them the database sorts every row of the org and model, vectors included)
create index embeddings_newest on embeddings (org_id, model, created_at, source_id, source_type);
