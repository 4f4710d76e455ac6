package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.health.snapshot.HealthSnapshot;
import ai.agentlens.core.port.alerting.HealthSnapshotStore;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link HealthSnapshotStore} in portable SQL (table {@code health_snapshots}, primary key (org,
 * agent, date) with the date as ISO text); the insert does nothing on conflict, so one writer wins.
 */
public class JdbcHealthSnapshotStore implements HealthSnapshotStore {

  private static final String COLUMNS =
      "agent_id, snapshot_date, overall_score, error_rate_score, cost_efficiency_score,"
          + " tool_success_score, latency_score, completion_rate_score, session_count";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcHealthSnapshotStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public boolean saveIfAbsent(String orgId, HealthSnapshot s) {
    String id = Tenancy.require(orgId);
    return tx.write(
            Scope.org(id),
            c -> {
              if (sql.one(c, "select id from orgs where id = ?", rs -> rs.getString(1), id)
                  .isEmpty()) {
                throw new NotFoundException("no org " + id);
              }
              return sql.update(
                  c,
                  "insert into health_snapshots (org_id, "
                      + COLUMNS
                      + ") values (?,?,?,?,?,?,?,?,?,?)"
                      + " on conflict (org_id, agent_id, snapshot_date) do nothing",
                  id,
                  s.agentId(),
                  s.date().toString(),
                  s.overallScore(),
                  s.errorRateScore(),
                  s.costEfficiencyScore(),
                  s.toolSuccessScore(),
                  s.latencyScore(),
                  s.completionRateScore(),
                  s.sessionCount());
            })
        == 1;
  }

  @Override
  public Set<String> agentsOn(String orgId, LocalDate date) {
    return tx.readOrg(
        orgId,
        Set.of(),
        c ->
            new HashSet<>(
                sql.list(
                    c,
                    "select agent_id from health_snapshots where org_id = ? and snapshot_date = ?",
                    rs -> rs.getString(1),
                    orgId,
                    date.toString())));
  }

  @Override
  public List<HealthSnapshot> history(String orgId, String agentId, LocalDate from, LocalDate to) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select "
                    + COLUMNS
                    + " from health_snapshots where org_id = ? and agent_id = ?"
                    + " and snapshot_date >= ? and snapshot_date <= ? order by snapshot_date",
                rs ->
                    new HealthSnapshot(
                        rs.getString("agent_id"),
                        LocalDate.parse(rs.getString("snapshot_date")),
                        rs.getDouble("overall_score"),
                        rs.getDouble("error_rate_score"),
                        rs.getDouble("cost_efficiency_score"),
                        rs.getDouble("tool_success_score"),
                        rs.getDouble("latency_score"),
                        rs.getDouble("completion_rate_score"),
                        rs.getLong("session_count")),
                orgId,
                agentId,
                from.toString(),
                to.toString()));
  }
}
