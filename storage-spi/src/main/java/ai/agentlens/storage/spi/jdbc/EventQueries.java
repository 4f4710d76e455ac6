package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The read queries of the event log, in portable SQL. */
final class EventQueries {

  /** {@code metadata.source} of events that carry OTLP metrics (reference §1.8). */
  static final String OTLP_METRIC = "otlp_metric";

  /** {@link Rows#EVENT_COLUMNS} of the table aliased {@code e}. */
  private static final String QUALIFIED_EVENT_COLUMNS =
      "e." + String.join(", e.", Rows.EVENT_COLUMNS.split(",\\s*"));

  // why: the ORDER BY of a compound SELECT names result columns, by position where they are
  // qualified
  private static final List<String> COLUMN_ORDER = List.of(Rows.EVENT_COLUMNS.split(",\\s*"));
  private static final int SEQUENCE_POSITION = COLUMN_ORDER.indexOf("sequence") + 1;

  private final Sql sql;
  private final Rows rows;

  EventQueries(Sql sql) {
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
  }

  List<Event> timeline(Connection c, String orgId, String sessionId, long after, int limit)
      throws SQLException {
    int n = Math.max(1, Math.min(10_000, limit));
    if (sql.dialect().keysSessions()) {
      return keyedTimeline(c, orgId, sessionId, after, n);
    }
    return sql.list(
        c,
        "select "
            + Rows.EVENT_COLUMNS
            + " from events where "
            + SessionEvents.of(sql.dialect(), "", "?", "?")
            + " and sequence > ? order by sequence limit ?",
        rows::event,
        orgId,
        sessionId,
        after,
        n);
  }

  // The first n indexed events after the cursor and the session's rows above the index's mark,
  // merged by sequence: a page costs its own rows and the recent range, not the whole session.
  private List<Event> keyedTimeline(Connection c, String orgId, String sessionId, long after, int n)
      throws SQLException {
    String key = SessionEvents.key("?", "?");
    return sql.list(
        c,
        "select "
            + Rows.EVENT_COLUMNS
            + " from events where rowid in (select es.event_rowid from event_sessions es"
            + " where es.session_key = "
            + key
            + " and es.sequence > ? order by es.sequence limit ?)"
            + " union all select "
            + Rows.EVENT_COLUMNS
            + " from events where rowid > "
            + SessionEvents.MARK
            + " and +session_key = "
            + key
            + " and sequence > ? order by "
            + SEQUENCE_POSITION
            + " limit ?",
        rows::event,
        orgId,
        sessionId,
        after,
        n,
        orgId,
        sessionId,
        after,
        n);
  }

  List<Event> exportPage(
      Connection c,
      String orgId,
      Instant from,
      Instant to,
      String afterSession,
      long afterSequence,
      int limit)
      throws SQLException {
    boolean keyed = sql.dialect().keysSessions();
    // where events carry a session key, the sessions come in id order from session_keys (sk) and
    // each one's events in sequence order from event_sessions (es), then the rows above its mark
    String s = keyed ? "sk." : "";
    String e = keyed ? "e." : "";
    List<Object> args = new ArrayList<>(List.of(orgId, afterSession, afterSession, afterSequence));
    // why: SQLite 3.54 plans "a > ? or (a = ? and b > ?)" as a scan of the whole org from its first
    // row, so every page cost more than the last (700 ms per page 900 into 1M events); the same
    // condition with its range ("a >= ?") spelled out seeks on both backends
    StringBuilder w =
        new StringBuilder(" where ")
            .append(s)
            .append("org_id = ? and ")
            .append(s)
            .append("session_id >= ? and (")
            .append(s)
            .append("session_id > ? or ")
            .append(e)
            .append("sequence > ?)");
    if (from != null) {
      w.append(" and ").append(e).append("ts >= ?");
      args.add(from);
    }
    if (to != null) {
      w.append(" and ").append(e).append("ts < ?");
      args.add(to);
    }
    int n = Math.max(1, Math.min(10_000, limit));
    if (!keyed) {
      args.add(n);
      return sql.list(
          c,
          "select "
              + Rows.EVENT_COLUMNS
              + " from events"
              + w
              + " order by session_id, sequence limit ?",
          rows::event,
          args.toArray());
    }
    List<Object> both = new ArrayList<>(args);
    both.addAll(args);
    both.add(n);
    // why: CROSS JOIN makes session_keys the outer loop in SQLite, so a page walks the sessions in
    // id order and seeks each one's entries; any other order sorts the whole time range per page
    return sql.list(
        c,
        "select "
            // why: es.sequence, not e.sequence: the loops give (sk.session_id, es.sequence)
            // order, and SQLite does not know the two sequences are equal, so it sorted the
            // whole rest of the org for every page
            + QUALIFIED_EVENT_COLUMNS.replace("e.sequence", "es.sequence")
            + ", sk.session_id"
            + " from session_keys sk cross join event_sessions es on es.session_key = sk.skey"
            + " cross join events e on e.rowid = es.event_rowid"
            + w
            + " union all select "
            + QUALIFIED_EVENT_COLUMNS
            + ", sk.session_id"
            + " from events e cross join session_keys sk on sk.skey = e.session_key"
            + w
            + " and e.rowid > "
            + SessionEvents.MARK
            + " order by "
            + (COLUMN_ORDER.size() + 1)
            + ", "
            + SEQUENCE_POSITION
            + " limit ?",
        rows::event,
        both.toArray());
  }

  List<Event> page(Connection c, String orgId, EventQuery q) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = where(orgId, q, args);
    args.add(q.limit());
    args.add(q.offset());
    String order = q.ascending() ? " order by ts, id" : " order by ts desc, id desc";
    return sql.list(
        c,
        "select " + Rows.EVENT_COLUMNS + " from events" + where + order + " limit ? offset ?",
        rows::event,
        args.toArray());
  }

  long count(Connection c, String orgId, EventQuery q) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = where(orgId, q, args);
    return sql.one(c, "select count(*) from events" + where, rs -> rs.getLong(1), args.toArray())
        .orElse(0L);
  }

  private String where(String orgId, EventQuery q, List<Object> args) {
    boolean keyedSession = q.sessionId() != null && sql.dialect().keysSessions();
    // why: "+" keeps SQLite off the (org_id, …) indexes when the session's rowids are known: with
    // them it walked the org's whole time index and tested each rowid against the session's list
    // (60 ms for a 300-event session in 600,000 events)
    StringBuilder w = new StringBuilder(keyedSession ? " where +org_id = ?" : " where org_id = ?");
    args.add(orgId);
    if (keyedSession) {
      w.append(" and ").append(SessionEvents.of(sql.dialect(), "", "?", "?"));
      args.addAll(SessionEvents.args(sql.dialect(), orgId, q.sessionId()));
    } else if (q.sessionId() != null) {
      w.append(" and session_id = ?");
      args.add(q.sessionId());
    }
    if (q.agentId() != null) {
      w.append(" and agent_id = ?");
      args.add(q.agentId());
    }
    in(w, args, "event_type", q.eventTypes().stream().map(EventType::wireName).sorted().toList());
    in(w, args, "severity", q.severities().stream().map(Severity::wireName).sorted().toList());
    if (q.from() != null) {
      w.append(" and ts >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      w.append(" and ts < ?");
      args.add(q.to());
    }
    Dialect d = sql.dialect();
    if (q.search() != null) {
      // why: lower() on both sides, so each database compares with its own case folding
      String pattern = AuditQueries.containsPattern(q.search());
      w.append(" and (lower(")
          .append(d.jsonText("payload"))
          .append(") like lower(?) escape '\\' or lower(")
          .append(d.jsonText("metadata"))
          .append(") like lower(?) escape '\\')");
      args.add(pattern);
      args.add(pattern);
    }
    if (q.excludeMetrics()) {
      w.append(" and coalesce(").append(d.jsonString("metadata", "source")).append(", '') <> ?");
      args.add(OTLP_METRIC);
    }
    return w.toString();
  }

  private static void in(StringBuilder w, List<Object> args, String column, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    w.append(" and ").append(column).append(" in (");
    for (int i = 0; i < values.size(); i++) {
      w.append(i == 0 ? "?" : ",?");
    }
    w.append(')');
    args.addAll(values);
  }
}
