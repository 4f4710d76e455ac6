package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.port.storage.AgentControlStore;
import java.time.Instant;
import java.util.Optional;

/** {@link AgentControlStore} in portable SQL (columns of {@code agents}). */
public class JdbcAgentControlStore implements AgentControlStore {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcAgentControlStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public Optional<AgentControl> find(String orgId, String agentId) {
    Dialect d = sql.dialect();
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select paused_at, pause_reason, model_override from agents"
                    + " where org_id = ? and id = ?",
                rs ->
                    new AgentControl(
                        d.getInstant(rs, "paused_at"),
                        rs.getString("pause_reason"),
                        rs.getString("model_override")),
                orgId,
                agentId));
  }

  @Override
  public boolean pause(String orgId, String agentId, Instant at, String reason) {
    return change(
        orgId,
        "update agents set paused_at = coalesce(paused_at, ?),"
            + " pause_reason = case when paused_at is null then ? else pause_reason end"
            + " where org_id = ? and id = ?",
        at,
        reason,
        orgId,
        agentId);
  }

  @Override
  public boolean unpause(String orgId, String agentId) {
    return change(
        orgId,
        "update agents set paused_at = null, pause_reason = null where org_id = ? and id = ?",
        orgId,
        agentId);
  }

  @Override
  public boolean overrideModel(String orgId, String agentId, String model) {
    return change(
        orgId,
        "update agents set model_override = ? where org_id = ? and id = ?",
        model,
        orgId,
        agentId);
  }

  private boolean change(String orgId, String statement, Object... args) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(Scope.org(orgId), c -> sql.update(c, statement, args)) > 0;
  }
}
