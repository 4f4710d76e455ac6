package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.ConditionType;
import ai.agentlens.core.guardrail.model.Direction;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonReader;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Row mapping of the guardrail tables. */
final class GuardrailRows {

  static final String RULE_COLUMNS =
      "org_id, id, name, description, enabled, condition_type, condition_config, action_type,"
          + " action_config, agent_id, cooldown_minutes, dry_run, direction, tool_names, priority,"
          + " created_at, updated_at";
  static final String TRIGGER_COLUMNS =
      "org_id, id, rule_id, triggered_at, condition_value, condition_threshold, action_executed,"
          + " action_result, metadata";

  private final Dialect d;

  GuardrailRows(Dialect d) {
    this.d = d;
  }

  GuardrailRule rule(ResultSet rs) throws SQLException {
    String dir = rs.getString("direction");
    return new GuardrailRule(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getBoolean("enabled"),
        ConditionType.fromWireName(rs.getString("condition_type")).orElseThrow(),
        JsonReader.readObject(rs.getString("condition_config")),
        ActionType.fromWireName(rs.getString("action_type")).orElseThrow(),
        JsonReader.readObject(rs.getString("action_config")),
        rs.getString("agent_id"),
        rs.getInt("cooldown_minutes"),
        rs.getBoolean("dry_run"),
        dir == null ? null : Direction.fromWireName(dir).orElseThrow(),
        Json.parseStringArray(rs.getString("tool_names")),
        rs.getInt("priority"),
        d.getInstant(rs, "created_at"),
        d.getInstant(rs, "updated_at"));
  }

  RuleState state(ResultSet rs) throws SQLException {
    double v = rs.getDouble("current_value");
    Double value = rs.wasNull() ? null : v;
    return new RuleState(
        rs.getString("rule_id"),
        rs.getString("org_id"),
        d.getInstant(rs, "last_triggered_at"),
        rs.getLong("trigger_count"),
        d.getInstant(rs, "last_evaluated_at"),
        value);
  }

  Trigger trigger(ResultSet rs) throws SQLException {
    double v = rs.getDouble("condition_value");
    Double value = rs.wasNull() ? null : v;
    double t = rs.getDouble("condition_threshold");
    Double threshold = rs.wasNull() ? null : t;
    return new Trigger(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("rule_id"),
        d.getInstant(rs, "triggered_at"),
        value,
        threshold,
        rs.getBoolean("action_executed"),
        rs.getString("action_result"),
        rs.getString("metadata"));
  }

  static Object real(Double v) {
    return v == null ? Sql.Null.INTEGER : v;
  }
}
