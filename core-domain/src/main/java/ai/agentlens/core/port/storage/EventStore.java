package ai.agentlens.core.port.storage;

import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.event.WindowCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event log: append-only, chained per session, idempotent on (org, event id).
 *
 * <p><b>Writes.</b> {@link #append} writes all its batches in <em>one</em> transaction: every event
 * is stored, the sessions and agents they touch are materialized (reference §1.9) and the usage
 * records (org, hour of writing, key) are incremented — or, on any error, nothing is. Each newly
 * stored event gets the next sequence number of its session (1, 2, …, in list order), the previous
 * event's hash as {@code prevHash}, and its {@link ai.agentlens.core.event.HashChain} hash — except
 * a recipe-2 event (imported from an AgentLens TypeScript server, {@link Event#keepsOwnHash()})
 * whose {@code prevHash} is its session's current tail hash ({@code null} for an empty session): it
 * keeps its hash, {@code prevHash}, hash version and hash source and only gets the next sequence. A
 * recipe-2 event that does not link is chained like any other (recipe 1). Reads return every event
 * with its {@link Event#hashVersion()} and {@link Event#hashSource()}.
 *
 * <p><b>Idempotency.</b> An event whose id is already stored in its org (or repeats earlier in the
 * same call) is skipped: not stored again, not chained, not counted in sessions or usage, and
 * reported in {@link AppendResult#duplicateIds()}. Retrying a whole batch is therefore safe.
 *
 * <p><b>Concurrency.</b> Thread-safe. Concurrent appends to the same session are serialized on that
 * session's chain tail, so sequences stay gapless and every prevHash links, whatever the number of
 * writers or processes.
 *
 * <p><b>Errors.</b> {@link InvalidInputException} when any event breaks {@link
 * ai.agentlens.core.event.EventRules} (too-long ids, payload or metadata not a JSON object, an
 * event of another org than its batch, …), checked before anything is written; {@link
 * ConflictException} (retryable) when the database aborted the transaction to resolve a race;
 * {@link StorageUnavailableException} otherwise.
 */
public interface EventStore {

  /**
   * Writes event batches, possibly of several orgs, in one transaction.
   *
   * @param batches the batches; each event must belong to its batch's org
   * @return the stored events and skipped duplicates, over all batches
   */
  AppendResult append(List<EventBatch> batches);

  /**
   * Writes one batch; same contract as {@link #append(List)}.
   *
   * @param batch the batch
   * @return the stored events and skipped duplicates
   */
  default AppendResult append(EventBatch batch) {
    return append(List.of(batch));
  }

  /**
   * Reads one event.
   *
   * @param orgId the org
   * @param eventId the event
   * @return the event, or empty when the org has no such event
   */
  Optional<Event> find(String orgId, String eventId);

  /**
   * Reads a session's events in chain order (sequence ascending), for the timeline and for chain
   * verification.
   *
   * @param orgId the org
   * @param sessionId the session
   * @param afterSequence only events with a greater sequence (0 for all)
   * @param limit at most this many, 1..10,000
   * @return the events
   */
  List<Event> timeline(String orgId, String sessionId, long afterSequence, int limit);

  /**
   * Lists events newest first (timestamp descending, then id descending), or oldest first
   * (ascending, then id ascending) when {@link EventQuery#ascending()}, filtered by every filter of
   * the query together: session, agent, any of the types, any of the severities, {@code from <=
   * timestamp < to}, the search text found case-insensitively in the payload's or the metadata's
   * JSON text (a literal substring: {@code %} and {@code _} match only themselves), and without
   * {@code metadata.source == "otlp_metric"} events when asked.
   *
   * @param orgId the org
   * @param query filters and page
   * @return one page of events
   */
  List<Event> query(String orgId, EventQuery query);

  /**
   * Counts the events matching a query's filters (its page is ignored).
   *
   * @param orgId the org
   * @param query filters
   * @return the count
   */
  long count(String orgId, EventQuery query);

  /**
   * Counts an agent's events in several windows that end at the same time: for each start, the
   * events in [start, to), the errors among them (severity error or critical, or type tool_error)
   * and the session starts. Adapters should answer in one pass over the widest window (metric
   * guardrails ask after every evaluation); the default asks {@link #count} per window.
   *
   * @param orgId the org
   * @param agentId the agent
   * @param starts the windows' starts, each before {@code to}
   * @param to the end of every window, exclusive
   * @return one count per start, in the order of {@code starts}
   */
  default List<WindowCount> windowCounts(
      String orgId, String agentId, List<Instant> starts, Instant to) {
    List<WindowCount> out = new ArrayList<>(starts.size());
    Set<Severity> errors = EnumSet.of(Severity.ERROR, Severity.CRITICAL);
    for (Instant from : starts) {
      long total = count(orgId, window(agentId, Set.of(), Set.of(), from, to));
      long bySeverity = count(orgId, window(agentId, Set.of(), errors, from, to));
      long toolErrors =
          count(
              orgId,
              window(
                  agentId,
                  Set.of(EventType.TOOL_ERROR),
                  EnumSet.complementOf(EnumSet.copyOf(errors)),
                  from,
                  to));
      long started =
          count(orgId, window(agentId, Set.of(EventType.SESSION_STARTED), Set.of(), from, to));
      out.add(new WindowCount(from, total, bySeverity + toolErrors, started));
    }
    return out;
  }

  private static EventQuery window(
      String agentId, Set<EventType> types, Set<Severity> severities, Instant from, Instant to) {
    return new EventQuery(null, agentId, types, severities, from, to, null, false, false, 1, 0);
  }

  /**
   * Aggregates the org's {@code llm_response} events with {@code from <= timestamp <= to}
   * (optionally of one agent) by provider, model and time bucket (reference §4.3.2). Numbers that
   * are missing or not JSON numbers in a payload count as 0 (latency: as absent); a missing
   * provider or model is reported as {@code "unknown"}. The work is done by the database, so the
   * answer is small (models &times; buckets) whatever the number of events.
   *
   * @param orgId the org
   * @param query range, agent and bucket size
   * @return one row per (provider, model, bucket), in no particular order
   */
  List<LlmUsage> llmUsage(String orgId, LlmUsageQuery query);

  /**
   * Reads one page of an org's events for export, in chain order: session id ascending (in the
   * database's string order), then sequence ascending, starting strictly after the keyset position
   * {@code (afterSessionId, afterSequence)}. Keyset paging keeps every page equally cheap and lets
   * a caller stream an org of any size with constant memory; events written concurrently into an
   * already passed session are not returned.
   *
   * @param orgId the org
   * @param from only events with {@code timestamp >= from}, or {@code null}
   * @param to only events with {@code timestamp < to}, or {@code null}
   * @param afterSessionId the last session id returned so far, {@code ""} to start
   * @param afterSequence the last sequence returned in that session, 0 to start
   * @param limit at most this many, 1..10,000
   * @return the page, empty at the end
   */
  List<Event> exportPage(
      String orgId, Instant from, Instant to, String afterSessionId, long afterSequence, int limit);
}
