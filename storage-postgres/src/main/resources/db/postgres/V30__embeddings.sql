-- Agent memory vectors (issue 12, reference §4.3.7): one row per embedded text (an event's one-line
-- summary or a session summary) and model. The vector is 4-byte little-endian IEEE floats in a
-- bytea, the same bytes SQLite stores, so the codec and the SQL are written once and a vector reads
-- back bit-exact; ranking runs in the application (pgvector is not used by this version).
-- Tenant-scoped like every table with org_id.
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
  vector       bytea not null,
  created_at   timestamptz not null,
  primary key (org_id, source_type, source_id, model)
);
-- the newest-candidates query: one org, one model, newest first; the tie-breaking columns are in the
-- index so a backward index scan yields the candidates in the query's full order and stops at its
-- limit (without them the database sorts every row of the org and model, vectors included)
create index embeddings_newest on embeddings (org_id, model, created_at, source_id, source_type);
alter table embeddings enable row level security;
alter table embeddings force row level security;
create policy tenant on embeddings
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

grant select, insert, update, delete on embeddings to ${appRole};
