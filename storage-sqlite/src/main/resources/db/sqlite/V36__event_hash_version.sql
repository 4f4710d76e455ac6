-- Hash recipe per event (issue 15): events chained here use recipe 1 (every existing row);
-- events imported from an AgentLens TypeScript server keep their recipe-2 hashes, with the exact
-- text that was hashed (hash_source), so each event is verified with its own recipe.
alter table events add column hash_version integer not null default 1;
alter table events add column hash_source text;
