package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.storage.AuditLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link AuditLog} in portable SQL. Append-only is enforced by the database (triggers, grants); the
 * anonymization path is a backend hook because each database unlocks it differently.
 */
public abstract class JdbcAuditLog implements AuditLog {

  /** The value an anonymized actor or target id becomes. */
  public static final String ANONYMIZED = "anonymized";

  private final Transactor tx;
  private final Sql sql;
  private final AuditQueries queries;

  /**
   * Creates the log.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  protected JdbcAuditLog(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
    this.queries = new AuditQueries(sql);
  }

  @Override
  public void append(AuditEntry e) {
    String org = Tenancy.require(e.orgId());
    Fields.required("id", e.id(), Fields.MAX_ID);
    Fields.required("actorId", e.actorId(), Fields.MAX_NAME);
    Fields.required("action", e.action(), 128);
    Fields.optional("targetType", e.targetType(), 64);
    Fields.optional("targetId", e.targetId(), Fields.MAX_NAME);
    Fields.optional("ip", e.ip(), 64);
    Json.object("details", e.details(), 64 * 1024);
    tx.write(Scope.org(org), c -> insert(c, e));
  }

  private int insert(Connection c, AuditEntry e) throws SQLException {
    return sql.update(
        c,
        "insert into audit_log ("
            + AuditQueries.COLUMNS
            + ") values (?,?,?,?,?,?,?,?,?,?,"
            + sql.dialect().jsonParam()
            + ")",
        e.id(),
        e.orgId(),
        e.occurredAt(),
        e.actorType().name().toLowerCase(java.util.Locale.ROOT),
        e.actorId(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.ip(),
        e.result().name().toLowerCase(java.util.Locale.ROOT),
        e.details());
  }

  @Override
  public List<AuditEntry> query(String orgId, AuditQuery query) {
    return tx.readOrg(orgId, List.of(), c -> queries.page(c, orgId, query));
  }

  @Override
  public int anonymizeActor(String userId, Instant at) {
    Fields.required("userId", userId, Fields.MAX_ID);
    return tx.write(
        Scope.user(userId),
        c -> {
          Map<String, Integer> perOrg = anonymizeRows(c, userId);
          int total = 0;
          for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(perOrg).entrySet()) {
            tx.rescope(c, Scope.org(e.getKey()));
            insert(
                c,
                new AuditEntry(
                    UUID.randomUUID().toString(),
                    e.getKey(),
                    at,
                    ActorType.SYSTEM,
                    "system",
                    "audit.actor_anonymized",
                    "user",
                    ANONYMIZED,
                    null,
                    AuditResult.SUCCESS,
                    "{\"entries\":" + e.getValue() + "}"));
            total += e.getValue();
          }
          return total;
        });
  }

  /**
   * Replaces {@code userId} by {@link #ANONYMIZED} in actor and target ids of every org's entries
   * and clears their IP — the only change to audit rows the database allows, and only here.
   *
   * @param c the connection, in the anonymization transaction
   * @param userId the deleted user
   * @return entries changed per org (orgs without changes absent)
   * @throws SQLException from the driver
   */
  protected abstract Map<String, Integer> anonymizeRows(Connection c, String userId)
      throws SQLException;

  /**
   * Returns the SQL helper, for subclasses.
   *
   * @return the helper
   */
  protected Sql sql() {
    return sql;
  }

  /**
   * Runs a statement returning {@code (org_id, count)} rows and sums the counts per org.
   *
   * @param c the connection
   * @param statement SQL returning the org id and a count as its first two columns
   * @param args its arguments
   * @return org to count (orgs without rows absent)
   * @throws SQLException from the driver
   */
  protected Map<String, Integer> countsPerOrg(Connection c, String statement, Object... args)
      throws SQLException {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (OrgCount n :
        sql.list(c, statement, rs -> new OrgCount(rs.getString(1), rs.getInt(2)), args)) {
      out.merge(n.orgId(), n.count(), Integer::sum);
    }
    return out;
  }

  private record OrgCount(String orgId, int count) {}
}
