package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import ai.agentlens.core.session.SessionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link SessionStore} in portable SQL. */
public class JdbcSessionStore implements SessionStore {

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

  @Override
  public List<Session> list(String orgId, SessionQuery q) {
    return tx.readOrg(orgId, List.of(), c -> list(c, orgId, q));
  }

  private List<Session> list(Connection c, String orgId, SessionQuery q) throws SQLException {
    StringBuilder where = new StringBuilder(" where org_id = ? and event_count > 0");
    List<Object> args = new ArrayList<>(List.of(orgId));
    if (q.agentId() != null) {
      where.append(" and agent_id = ?");
      args.add(q.agentId());
    }
    if (q.status() == SessionStatus.IDLE) {
      where.append(" and status = ? and last_event_at < ?");
      args.add(SessionStatus.ACTIVE.name().toLowerCase(Locale.ROOT));
      args.add(q.idleBefore());
    } else if (q.status() != null) {
      where.append(" and status = ?");
      args.add(q.status().name().toLowerCase(Locale.ROOT));
    }
    if (q.from() != null) {
      where.append(" and started_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and started_at < ?");
      args.add(q.to());
    }
    if (q.tag() != null) {
      // why: tags are stored as a JSON array of strings; the quoted tag matches one element exactly
      where.append(" and ").append(sql.dialect().containsParam("tags"));
      String element = Json.stringArray(List.of(q.tag()));
      args.add(element.substring(1, element.length() - 1));
    }
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
}
