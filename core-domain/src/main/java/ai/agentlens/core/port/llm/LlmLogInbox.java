package ai.agentlens.core.port.llm;

import ai.agentlens.core.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The LLM request log's inbox: which stored {@code llm_call} / {@code llm_response} events the log
 * still has to pair and score. While {@link #open opened}, the event store notes them in the same
 * transaction that stores them, so an event in storage is either in the log or in the inbox; the
 * recorder reads notes, writes the log and then {@link #settle settles} them. Reading a note twice
 * and writing the log again is harmless (the log's writes are idempotent), so a crash between the
 * two only repeats work. Every method is tenant-scoped by its org argument except {@link #orgs}.
 * Thread-safe; storage failures throw {@link ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface LlmLogInbox {

  /** Most events one note holds: the event store splits a larger write into several notes. */
  int MAX_EVENTS_PER_NOTE = 256;

  /**
   * Starts (or stops) noting appended LLM events. Off until called: a process that does not record
   * the log must not fill an inbox nobody reads. Notes already written stay.
   *
   * @param on whether appends note their LLM events from now on
   */
  void open(boolean on);

  /**
   * Tells whether appends note LLM events.
   *
   * @return whether the inbox is open
   */
  boolean isOpen();

  /**
   * Orgs that have notes waiting, in org id order.
   *
   * @param limit most orgs returned, &gt; 0
   * @return org ids
   */
  List<String> orgs(int limit);

  /**
   * The org's oldest notes, in the order they were written, with the events they name that are
   * still stored (an event deleted since, by retention, is left out; its note still comes back so
   * it can be settled). Notes are taken whole until their events reach {@code maxEvents} (at least
   * one note is returned when any waits).
   *
   * @param orgId the org
   * @param maxEvents events wanted, &gt; 0
   * @return the notes, oldest first; empty when none waits
   */
  List<Note> next(String orgId, int maxEvents);

  /**
   * Deletes notes whose events are in the log. Unknown or already settled notes are ignored.
   *
   * @param orgId the org
   * @param seqs the notes' sequence numbers
   */
  void settle(String orgId, List<Long> seqs);

  /**
   * What waits in the inbox across every org, for operators: how many notes and when the oldest was
   * written. Not tenant-scoped, like {@link #orgs}; it reveals no org and no event.
   *
   * @return the backlog now; zero notes and no time when the inbox is empty
   */
  Backlog backlog();

  /**
   * The inbox's backlog.
   *
   * @param notes notes waiting, each naming up to {@value #MAX_EVENTS_PER_NOTE} events
   * @param oldestNotedAt when the oldest waiting note was written; empty when none waits
   */
  record Backlog(long notes, Optional<Instant> oldestNotedAt) {}

  /**
   * One note: its sequence number (increasing in the order notes were written) and the events it
   * names that are still stored, in the order they were stored.
   *
   * @param seq the note's number
   * @param orgId the org
   * @param events the LLM events
   */
  record Note(long seq, String orgId, List<Event> events) {

    /** Copies the list. */
    public Note {
      events = List.copyOf(events);
    }
  }
}
