-- A session's events found through an index kept off the commit (issue 18). Every stored event had
-- an entry in events_session_seq (session_key, sequence), and the load spreads a commit's events
-- over thousands of sessions: each event landed on its own session's leaf, about half of the
-- pages a commit wrote. Dropping that index took the writer from 11.8 to 4.9 KiB written and from
-- ~50 to ~30-49 us of CPU per event at 230-event commits (SessionSpreadWrite, 2,000 sessions).
--
-- event_sessions holds the same entries, written in large sorted runs by a background unit: it
-- takes the events above event_sessions_mark.indexed_to (by rowid, the order they were stored),
-- sorts them by (session_key, sequence), inserts them and moves the mark, in one transaction. A
-- read by session takes the indexed entries plus the rows above the mark (a short rowid range).
-- Rows deleted from events take their entry with them (trigger). A new row gets the largest rowid
-- plus one, so when the rows above the mark are deleted, the mark comes down to the largest rowid
-- left; otherwise a row stored later could get a rowid under the mark and never be indexed.
-- events keeps session_key: the rows above the mark are read by it.
create table event_sessions (
  session_key integer not null,
  sequence    integer not null,
  event_rowid integer not null,
  primary key (session_key, sequence)
) without rowid;

create table event_sessions_mark (
  one        integer primary key check (one = 1),
  indexed_to integer not null
);

insert into event_sessions (session_key, sequence, event_rowid)
  select session_key, sequence, rowid from events order by session_key, sequence;
insert into event_sessions_mark (one, indexed_to)
  values (1, coalesce((select max(rowid) from events), 0));

drop index events_session_seq;

create trigger events_unindex_session after delete on events
begin
  delete from event_sessions
   where session_key = old.session_key and sequence = old.sequence and event_rowid = old.rowid;
  update event_sessions_mark set indexed_to = (select coalesce(max(rowid), 0) from events)
   where indexed_to > (select coalesce(max(rowid), 0) from events);
end;
