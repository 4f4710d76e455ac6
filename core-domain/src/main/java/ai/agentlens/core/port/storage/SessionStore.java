package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Sessions as materialized by {@link EventStore#append}; read-only here. A session read is
 * consistent with the events committed before it (same transaction boundaries).
 *
 * <p>Thread-safe. Errors: {@link StorageUnavailableException} only; unknown ids give empty results.
 */
public interface SessionStore {

  /**
   * Reads a session.
   *
   * @param orgId the org
   * @param sessionId the session
   * @return the session, or empty
   */
  Optional<Session> find(String orgId, String sessionId);

  /**
   * Returns the highest {@code totalCostUsd} among the named sessions of the org; a session that
   * does not exist, or is another org's, is left out. Backends answer in one read however many
   * sessions are named; this default reads them one by one.
   *
   * @param orgId the org
   * @param sessionIds session ids, any number, duplicates allowed
   * @return the highest total cost, or empty when none of them exists in the org
   */
  default OptionalDouble maxTotalCost(String orgId, Collection<String> sessionIds) {
    return sessionIds.stream()
        .distinct()
        .map(id -> find(orgId, id))
        .flatMap(Optional::stream)
        .mapToDouble(Session::totalCostUsd)
        .max();
  }

  /**
   * Lists sessions, most recently started first (ties by id descending), filtered by agent, any of
   * the statuses (stored status; IDLE: active with the last event before {@link
   * SessionQuery#idleBefore()}), start time ({@code from <= startedAt < to}) and any of the tags
   * (sessions whose tags contain one exactly). Sessions without events are never listed.
   *
   * @param orgId the org
   * @param query filters and page
   * @return one page of sessions
   */
  List<Session> list(String orgId, SessionQuery query);

  /**
   * Counts the sessions {@link #list} would return over all pages (the query's page is ignored).
   *
   * @param orgId the org
   * @param query filters
   * @return the count
   */
  long count(String orgId, SessionQuery query);
}
