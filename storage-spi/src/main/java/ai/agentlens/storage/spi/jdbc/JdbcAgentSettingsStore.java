package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.remediation.model.AgentSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AgentSettingsStore} in portable SQL (table {@code agent_settings}); the lists are JSON
 * string arrays.
 */
public class JdbcAgentSettingsStore implements AgentSettingsStore {

  // why: the org-default row is keyed by the empty agent id, so one primary key (org, agent) and
  // one upsert serve both kinds of row on every backend (a NULL key column cannot be upserted)
  private static final String DEFAULTS = "";

  private static final String COLUMNS =
      "agent_id, preferred_model, risk_threshold, rate_limit_per_minute, system_prompt,"
          + " disabled_tools, disabled_routes";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcAgentSettingsStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  private static String key(String agentId) {
    return agentId == null ? DEFAULTS : agentId;
  }

  @Override
  public Optional<AgentSettings> find(String orgId, String agentId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from agent_settings where org_id = ? and agent_id = ?",
                JdbcAgentSettingsStore::row,
                orgId,
                key(agentId)));
  }

  @Override
  public void put(String orgId, String agentId, AgentSettings s) {
    if (Tenancy.none(orgId)) {
      return;
    }
    tx.write(
        Scope.org(orgId),
        c ->
            sql.update(
                c,
                "insert into agent_settings (org_id, "
                    + COLUMNS
                    + ") values (?,?,?,?,?,?,?,?) on conflict (org_id, agent_id) do update set"
                    + " preferred_model = excluded.preferred_model,"
                    + " risk_threshold = excluded.risk_threshold,"
                    + " rate_limit_per_minute = excluded.rate_limit_per_minute,"
                    + " system_prompt = excluded.system_prompt,"
                    + " disabled_tools = excluded.disabled_tools,"
                    + " disabled_routes = excluded.disabled_routes",
                orgId,
                key(agentId),
                s.preferredModel(),
                Sql.intOrNull(s.riskThreshold()),
                Sql.intOrNull(s.rateLimitPerMinute()),
                s.systemPrompt(),
                list(s.disabledTools()),
                list(s.disabledRoutes())));
  }

  @Override
  public boolean delete(String orgId, String agentId) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c ->
                sql.update(
                    c,
                    "delete from agent_settings where org_id = ? and agent_id = ?",
                    orgId,
                    key(agentId)))
        > 0;
  }

  @Override
  public OrgSettings all(String orgId) {
    return tx.readOrg(
        orgId,
        OrgSettings.NONE,
        c -> {
          AgentSettings defaults = AgentSettings.NONE;
          Map<String, AgentSettings> agents = new LinkedHashMap<>();
          for (Map.Entry<String, AgentSettings> e :
              sql.list(
                  c,
                  "select " + COLUMNS + " from agent_settings where org_id = ? order by agent_id",
                  rs -> Map.entry(rs.getString("agent_id"), row(rs)),
                  orgId)) {
            if (e.getKey().equals(DEFAULTS)) {
              defaults = e.getValue();
            } else {
              agents.put(e.getKey(), e.getValue());
            }
          }
          return defaults.equals(AgentSettings.NONE) && agents.isEmpty()
              ? OrgSettings.NONE
              : new OrgSettings(defaults, Map.copyOf(agents));
        });
  }

  private static String list(List<String> names) {
    return names == null ? null : Json.stringArray(names);
  }

  private static AgentSettings row(ResultSet rs) throws SQLException {
    String tools = rs.getString("disabled_tools");
    String routes = rs.getString("disabled_routes");
    return new AgentSettings(
        rs.getString("preferred_model"),
        integer(rs, "risk_threshold"),
        integer(rs, "rate_limit_per_minute"),
        rs.getString("system_prompt"),
        tools == null ? null : Json.parseStringArray(tools),
        routes == null ? null : Json.parseStringArray(routes));
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int n = rs.getInt(column);
    return rs.wasNull() ? null : n;
  }
}
