package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.CheckedEvent;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.session.AgentSighting;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionProjection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Session and agent materialization inside the event-write transaction. The session row holds the
 * chain tail (last sequence and hash), so locking it serializes every writer of that session. The
 * folded sessions go back through the backend's {@link SessionWriteBack}.
 */
final class SessionWriter {

  private final Sql sql;
  private final Rows rows;
  private final SessionWriteBack writeBack;

  SessionWriter(Sql sql, SessionWriteBack writeBack) {
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
    this.writeBack = writeBack;
  }

  /** The locked sessions of one org during one write. */
  final class Tails {
    private final Map<String, Session> byId;
    private final Map<String, Instant> storedStart = new HashMap<>();
    private final List<String> touched = new ArrayList<>();

    private Tails(Map<String, Session> byId) {
      this.byId = byId;
      byId.forEach((id, s) -> storedStart.put(id, s.startedAt()));
    }

    /**
     * Chains new events onto a locked session and folds them into it.
     *
     * @param sessionId the session
     * @param events its new events, in order
     * @return the chained events
     */
    List<Event> extend(String sessionId, List<CheckedEvent> events) {
      Session s = byId.get(sessionId);
      if (s == null) {
        // why: a driver that altered the id on its way in (e.g. a lone surrogate written as '?')
        // leaves no row under the id we hold; refuse the input instead of failing on null
        throw new InvalidInputException(
            "sessionId: does not survive storage unchanged (not valid Unicode?)");
      }
      List<Event> chained = HashChain.extendChecked(s.lastSequence(), s.lastHash(), events);
      for (int i = 0; i < chained.size(); i++) {
        s = SessionProjection.apply(s, chained.get(i), events.get(i).payload());
      }
      byId.put(sessionId, s);
      touched.add(sessionId);
      return chained;
    }

    /**
     * Writes the folded sessions back; deletes placeholders that received no event.
     *
     * @param c the connection
     * @throws SQLException from the driver
     */
    void writeBack(Connection c) throws SQLException {
      List<SessionRow> updates = new ArrayList<>(touched.size());
      List<Session> empties = new ArrayList<>();
      for (String id : touched) {
        Session s = byId.get(id);
        if (s.eventCount() == 0) {
          empties.add(s);
        } else {
          updates.add(SessionRow.of(s, storedStart.get(id)));
        }
      }
      if (!updates.isEmpty()) {
        writeBack.update(c, updates);
      }
      sql.batch(
          c,
          "delete from sessions where org_id = ? and id = ? and event_count = 0",
          empties,
          (p, s) -> p.text(s.orgId()).text(s.id()));
    }
  }

  /**
   * Creates missing session rows and locks every session of the write, in session-id order.
   *
   * @param c the connection
   * @param orgId the org
   * @param bySession events per session id, sorted by session id
   * @return the locked sessions
   * @throws SQLException from the driver
   */
  Tails lock(Connection c, String orgId, Map<String, List<CheckedEvent>> bySession)
      throws SQLException {
    Map<String, Session> placeholders = new java.util.LinkedHashMap<>();
    for (List<CheckedEvent> events : bySession.values()) {
      Session p = SessionProjection.empty(events.get(0).event());
      placeholders.put(p.id(), p);
    }
    Map<String, Session> locked = new HashMap<>();
    List<String> wanted = new ArrayList<>(bySession.keySet());
    // why: the retention purge deletes sessions left without events; one it deletes between our
    // insert and our lock is created again (a second round; its lock order then differs, and a
    // deadlock, if ever, fails this write for the worker's retry). An id still missing after that
    // did not survive the driver (Tails.extend refuses it)
    for (int round = 0; round < 2 && !wanted.isEmpty(); round++) {
      List<Session> missing = new ArrayList<>(wanted.size());
      for (String id : wanted) {
        missing.add(placeholders.get(id));
      }
      insertAndLock(c, orgId, missing, locked);
      wanted.removeIf(locked::containsKey);
    }
    return new Tails(locked);
  }

  private void insertAndLock(
      Connection c, String orgId, List<Session> placeholders, Map<String, Session> locked)
      throws SQLException {
    sql.batch(
        c,
        "insert into sessions (org_id, id, agent_id, started_at, last_event_at, status)"
            + " values (?,?,?,?,?,'active') on conflict (org_id, id) do nothing",
        placeholders,
        (p, s) ->
            p.text(orgId)
                .text(s.id())
                .text(s.agentId())
                .instant(s.startedAt())
                .instant(s.lastEventAt()));
    List<String> ids = placeholders.stream().map(Session::id).toList();
    for (List<String> chunk : Chunks.of(ids, 500)) {
      for (Session s :
          sql.list(
              c,
              sql.dialect().lockByKey("sessions", Rows.SESSION_COLUMNS, chunk.size()),
              rows::session,
              sql.dialect().orgAndKeys(orgId, chunk))) {
        locked.put(s.id(), s);
      }
    }
  }

  /**
   * Upserts the agents seen in newly stored events, in agent-id order.
   *
   * @param c the connection
   * @param agents the agents seen in the stored events of one org ({@link AgentSighting#of})
   * @throws SQLException from the driver
   */
  void upsertAgents(Connection c, List<AgentSighting> agents) throws SQLException {
    Dialect d = sql.dialect();
    sql.batch(
        c,
        "insert into agents ("
            + Rows.AGENT_COLUMNS
            + ") values (?,?,?,?,?,?) on conflict (org_id, id) do update set"
            + " first_seen_at = "
            + d.least()
            + "(agents.first_seen_at, excluded.first_seen_at),"
            + " last_seen_at = "
            + d.greatest()
            + "(agents.last_seen_at, excluded.last_seen_at),"
            + " session_count = agents.session_count + excluded.session_count",
        agents,
        (p, a) ->
            p.text(a.orgId())
                .text(a.agentId())
                .text(a.name())
                .instant(a.firstSeenAt())
                .instant(a.lastSeenAt())
                .int64(a.sessionStarts()));
  }
}
