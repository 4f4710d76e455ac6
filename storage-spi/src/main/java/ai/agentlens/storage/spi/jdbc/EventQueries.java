package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The read queries of the event log, in portable SQL. */
final class EventQueries {

  private final Sql sql;
  private final Rows rows;

  EventQueries(Sql sql) {
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
  }

  List<Event> timeline(Connection c, String orgId, String sessionId, long after, int limit)
      throws SQLException {
    int n = Math.max(1, Math.min(10_000, limit));
    return sql.list(
        c,
        "select "
            + Rows.EVENT_COLUMNS
            + " from events where org_id = ? and session_id = ? and sequence > ?"
            + " order by sequence limit ?",
        rows::event,
        orgId,
        sessionId,
        after,
        n);
  }

  List<Event> page(Connection c, String orgId, EventQuery q) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = where(orgId, q, args);
    args.add(q.limit());
    args.add(q.offset());
    return sql.list(
        c,
        "select "
            + Rows.EVENT_COLUMNS
            + " from events"
            + where
            + " order by ts desc, id desc limit ? offset ?",
        rows::event,
        args.toArray());
  }

  long count(Connection c, String orgId, EventQuery q) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = where(orgId, q, args);
    return sql.one(c, "select count(*) from events" + where, rs -> rs.getLong(1), args.toArray())
        .orElse(0L);
  }

  private static String where(String orgId, EventQuery q, List<Object> args) {
    StringBuilder w = new StringBuilder(" where org_id = ?");
    args.add(orgId);
    if (q.sessionId() != null) {
      w.append(" and session_id = ?");
      args.add(q.sessionId());
    }
    if (q.agentId() != null) {
      w.append(" and agent_id = ?");
      args.add(q.agentId());
    }
    if (q.eventType() != null) {
      w.append(" and event_type = ?");
      args.add(q.eventType().wireName());
    }
    if (q.severity() != null) {
      w.append(" and severity = ?");
      args.add(q.severity().wireName());
    }
    if (q.from() != null) {
      w.append(" and ts >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      w.append(" and ts < ?");
      args.add(q.to());
    }
    return w.toString();
  }
}
