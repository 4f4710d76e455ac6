package ai.agentlens.storage.spi.jdbc;

import static ai.agentlens.core.session.SessionStatus.ACTIVE;
import static ai.agentlens.core.session.SessionStatus.COMPLETED;
import static ai.agentlens.core.session.SessionStatus.ERROR;
import static ai.agentlens.core.session.SessionStatus.IDLE;

import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import ai.agentlens.core.session.SessionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@link SessionStore} in portable SQL. */
public class JdbcSessionStore implements SessionStore {

  /** Session ids bound in one statement (SQLite allows 32,766 parameters, PostgreSQL 65,535). */
  static final int MAX_IDS = 500;

  private final Transactor tx;
  private final Sql sql;
  private final Rows rows;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcSessionStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
  }

  @Override
  public Optional<Session> find(String orgId, String sessionId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + Rows.SESSION_COLUMNS + " from sessions where org_id = ? and id = ?",
                rows::session,
                orgId,
                sessionId));
  }

  // why: one read transaction and one statement per 500 ids instead of one of each per session (a
  // metric rule on session cost names every session of an agent's last second of events)
  @Override
  public OptionalDouble maxTotalCost(String orgId, Collection<String> sessionIds) {
    List<String> ids = sessionIds.stream().distinct().toList();
    if (ids.isEmpty()) {
      return OptionalDouble.empty();
    }
    return tx.readOrg(
        orgId,
        OptionalDouble.empty(),
        c -> {
          OptionalDouble max = OptionalDouble.empty();
          for (int i = 0; i < ids.size(); i += MAX_IDS) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + MAX_IDS));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(orgId);
            args.addAll(chunk);
            OptionalDouble m =
                sql.one(
                        c,
                        "select max(total_cost_usd) as m, count(*) as n from sessions"
                            + " where org_id = ? and id in ("
                            + "?,".repeat(chunk.size() - 1)
                            + "?)",
                        rs ->
                            rs.getLong("n") == 0
                                ? OptionalDouble.empty()
                                : OptionalDouble.of(rs.getDouble("m")),
                        args.toArray())
                    .orElse(OptionalDouble.empty());
            if (m.isPresent() && (max.isEmpty() || m.getAsDouble() > max.getAsDouble())) {
              max = m;
            }
          }
          return max;
        });
  }

  @Override
  public List<Session> list(String orgId, SessionQuery q) {
    return tx.readOrg(orgId, List.of(), c -> list(c, orgId, q));
  }

  @Override
  public long count(String orgId, SessionQuery q) {
    return tx.readOrg(
        orgId,
        0L,
        c -> {
          List<Object> args = new ArrayList<>();
          String where = where(orgId, q, args);
          return sql.one(
                  c, "select count(*) from sessions" + where, rs -> rs.getLong(1), args.toArray())
              .orElse(0L);
        });
  }

  private List<Session> list(Connection c, String orgId, SessionQuery q) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = where(orgId, q, args);
    args.add(q.limit());
    args.add(q.offset());
    String statement =
        "select "
            + Rows.SESSION_COLUMNS
            + " from sessions"
            + where
            + " order by started_at desc, id desc limit ? offset ?";
    return sql.list(c, statement, rows::session, args.toArray());
  }

  private String where(String orgId, SessionQuery q, List<Object> args) {
    StringBuilder where = new StringBuilder(" where org_id = ? and event_count > 0");
    args.add(orgId);
    if (q.agentId() != null) {
      where.append(" and agent_id = ?");
      args.add(q.agentId());
    }
    statuses(where, args, q);
    if (q.from() != null) {
      where.append(" and started_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and started_at < ?");
      args.add(q.to());
    }
    if (!q.tags().isEmpty()) {
      // why: tags are stored as a JSON array of strings; a quoted tag matches one element exactly
      List<String> any = new ArrayList<>();
      for (String tag : q.tags()) {
        any.add(sql.dialect().containsParam("tags"));
        String element = Json.stringArray(List.of(tag));
        args.add(element.substring(1, element.length() - 1));
      }
      where.append(" and (").append(String.join(" or ", any)).append(')');
    }
    return where.toString();
  }

  private static void statuses(StringBuilder where, List<Object> args, SessionQuery q) {
    if (q.statuses().isEmpty()) {
      return;
    }
    List<String> any = new ArrayList<>();
    for (SessionStatus status : List.of(ACTIVE, COMPLETED, ERROR)) {
      if (q.statuses().contains(status)) {
        any.add("status = ?");
        args.add(status.name().toLowerCase(Locale.ROOT));
      }
    }
    if (q.statuses().contains(IDLE) && !q.statuses().contains(ACTIVE)) {
      any.add("(status = ? and last_event_at < ?)");
      args.add(ACTIVE.name().toLowerCase(Locale.ROOT));
      args.add(q.idleBefore());
    }
    where.append(" and (").append(String.join(" or ", any)).append(')');
  }
}
