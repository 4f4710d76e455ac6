package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.port.storage.AgentControlStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private static final String CONTROL_COLUMNS =
      "id, paused_at, pause_reason, model_override, rate_limit_per_minute, rate_limited_until,"
          + " agentgate_policy";

  private AgentControl control(java.sql.ResultSet rs) throws java.sql.SQLException {
    Dialect d = sql.dialect();
    int limit = rs.getInt("rate_limit_per_minute");
    Integer perMinute = rs.wasNull() ? null : limit;
    return new AgentControl(
        d.getInstant(rs, "paused_at"),
        rs.getString("pause_reason"),
        rs.getString("model_override"),
        perMinute,
        d.getInstant(rs, "rate_limited_until"),
        rs.getString("agentgate_policy"));
  }

  @Override
  public Optional<AgentControl> find(String orgId, String agentId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + CONTROL_COLUMNS + " from agents where org_id = ? and id = ?",
                this::control,
                orgId,
                agentId));
  }

  @Override
  public Map<String, AgentControl> controlled(String orgId) {
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          Map<String, AgentControl> out = new LinkedHashMap<>();
          sql.list(
                  c,
                  "select "
                      + CONTROL_COLUMNS
                      + " from agents where org_id = ? and (paused_at is not null"
                      + " or model_override is not null or rate_limit_per_minute is not null"
                      + " or agentgate_policy is not null)",
                  rs -> Map.entry(rs.getString("id"), control(rs)),
                  orgId)
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
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

  @Override
  public boolean rateLimit(String orgId, String agentId, int perMinute, Instant until) {
    return change(
        orgId,
        "update agents set rate_limit_per_minute = ?, rate_limited_until = ?"
            + " where org_id = ? and id = ?",
        perMinute,
        until,
        orgId,
        agentId);
  }

  @Override
  public Map<String, Integer> activeRateLimits(String orgId, Instant now) {
    return tx.readOrg(
        orgId,
        Map.of(),
        c -> {
          Map<String, Integer> out = new LinkedHashMap<>();
          sql.list(
                  c,
                  "select id, rate_limit_per_minute from agents where org_id = ?"
                      + " and rate_limit_per_minute is not null and rate_limited_until > ?",
                  rs -> Map.entry(rs.getString("id"), rs.getInt("rate_limit_per_minute")),
                  orgId,
                  now)
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
  }

  @Override
  public boolean policy(String orgId, String agentId, String policy) {
    return change(
        orgId,
        "update agents set agentgate_policy = ? where org_id = ? and id = ?",
        policy,
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
