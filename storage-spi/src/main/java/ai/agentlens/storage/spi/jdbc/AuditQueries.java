package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The filtered read of the audit log, in portable parameterized SQL. */
final class AuditQueries {

  /** Audit log columns, in insert order. */
  static final String COLUMNS =
      "id, org_id, occurred_at, actor_type, actor_id, action, target_type, target_id, ip, result,"
          + " details";

  private final Sql sql;

  AuditQueries(Sql sql) {
    this.sql = sql;
  }

  /**
   * Reads one page of an org's entries matching a query, newest first.
   *
   * @param c the connection, in the org's scope
   * @param orgId the org
   * @param q the query
   * @return the page
   * @throws SQLException from the driver
   */
  List<AuditEntry> page(Connection c, String orgId, AuditQuery q) throws SQLException {
    StringBuilder w = new StringBuilder(" where org_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(orgId);
    if (q.actionContains() != null) {
      // why: lower() on both sides, so each database compares with its own case folding
      w.append(" and lower(action) like lower(?) escape '\\'");
      args.add(containsPattern(q.actionContains()));
    }
    if (q.actorContains() != null) {
      w.append(" and lower(actor_id) like lower(?) escape '\\'");
      args.add(containsPattern(q.actorContains()));
    }
    equal(w, args, "actor_id", q.actorId());
    equal(w, args, "target_type", q.targetType());
    equal(w, args, "target_id", q.targetId());
    if (q.result() != null) {
      equal(w, args, "result", q.result().wireName());
    }
    if (q.from() != null) {
      w.append(" and occurred_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      w.append(" and occurred_at < ?");
      args.add(q.to());
    }
    if (q.after() != null) {
      // why: keyset paging on (time, id) never skips or repeats entries that share a time; the
      // range "occurred_at <= ?" is spelled out so SQLite seeks instead of scanning the org
      w.append(" and occurred_at <= ? and (occurred_at < ? or id < ?)");
      args.add(q.after().occurredAt());
      args.add(q.after().occurredAt());
      args.add(q.after().id());
    }
    args.add(q.limit());
    return sql.list(
        c,
        "select " + COLUMNS + " from audit_log" + w + " order by occurred_at desc, id desc limit ?",
        this::map,
        args.toArray());
  }

  private static void equal(StringBuilder w, List<Object> args, String column, String value) {
    if (value != null) {
      // why: column names are constants of this class, never input
      w.append(" and ").append(column).append(" = ?");
      args.add(value);
    }
  }

  /**
   * Turns text into a LIKE pattern matching it anywhere, with its wildcards escaped.
   *
   * @param text the text to find
   * @return {@code %text%} with {@code \}, {@code %} and {@code _} escaped by {@code \}
   */
  static String containsPattern(String text) {
    StringBuilder p = new StringBuilder(text.length() + 2).append('%');
    for (char ch : text.toCharArray()) {
      if (ch == '\\' || ch == '%' || ch == '_') {
        p.append('\\');
      }
      p.append(ch);
    }
    return p.append('%').toString();
  }

  private AuditEntry map(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getString("id"),
        rs.getString("org_id"),
        sql.dialect().getInstant(rs, "occurred_at"),
        ActorType.valueOf(rs.getString("actor_type").toUpperCase(Locale.ROOT)),
        rs.getString("actor_id"),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getString("ip"),
        AuditResult.valueOf(rs.getString("result").toUpperCase(Locale.ROOT)),
        rs.getString("details"));
  }
}
