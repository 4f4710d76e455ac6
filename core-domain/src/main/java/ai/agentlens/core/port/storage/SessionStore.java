package ai.agentlens.core.port.storage;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import java.util.List;
import java.util.Optional;

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
