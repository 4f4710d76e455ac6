package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.storage.GuardrailStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link GuardrailStore} in portable SQL (tables {@code guardrail_*}). */
public class JdbcGuardrailStore implements GuardrailStore {

  private final Transactor tx;
  private final Sql sql;
  private final GuardrailRows rows;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcGuardrailStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
    this.rows = new GuardrailRows(sql.dialect());
  }

  @Override
  public List<GuardrailRule> list(String orgId, String agentId) {
    String select =
        "select " + GuardrailRows.RULE_COLUMNS + " from guardrail_rules where org_id = ?";
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            agentId == null
                ? sql.list(c, select + " order by created_at, id", rows::rule, orgId)
                : sql.list(
                    c,
                    select + " and (agent_id is null or agent_id = ?) order by created_at, id",
                    rows::rule,
                    orgId,
                    agentId));
  }

  @Override
  public Optional<GuardrailRule> find(String orgId, String ruleId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select "
                    + GuardrailRows.RULE_COLUMNS
                    + " from guardrail_rules where org_id = ? and id = ?",
                rows::rule,
                orgId,
                ruleId));
  }

  @Override
  public void insert(GuardrailRule r) {
    String org = Tenancy.require(r.orgId());
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into guardrail_rules ("
                    + GuardrailRows.RULE_COLUMNS
                    + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                org,
                r.id(),
                r.name(),
                r.description(),
                r.enabled(),
                r.conditionType().wireName(),
                JsonWriter.write(r.conditionConfig()),
                r.actionType().wireName(),
                JsonWriter.write(r.actionConfig()),
                r.agentId(),
                r.cooldownMinutes(),
                r.dryRun(),
                r.direction() == null ? null : r.direction().wireName(),
                Json.stringArray(r.toolNames()),
                r.priority(),
                r.createdAt(),
                r.updatedAt()));
  }

  @Override
  public boolean update(GuardrailRule r) {
    if (Tenancy.none(r.orgId())) {
      return false;
    }
    return tx.write(
            Scope.org(r.orgId()),
            c ->
                sql.update(
                    c,
                    "update guardrail_rules set name = ?, description = ?, enabled = ?,"
                        + " condition_type = ?, condition_config = ?, action_type = ?,"
                        + " action_config = ?, agent_id = ?, cooldown_minutes = ?, dry_run = ?,"
                        + " direction = ?, tool_names = ?, priority = ?, updated_at = ?"
                        + " where org_id = ? and id = ?",
                    r.name(),
                    r.description(),
                    r.enabled(),
                    r.conditionType().wireName(),
                    JsonWriter.write(r.conditionConfig()),
                    r.actionType().wireName(),
                    JsonWriter.write(r.actionConfig()),
                    r.agentId(),
                    r.cooldownMinutes(),
                    r.dryRun(),
                    r.direction() == null ? null : r.direction().wireName(),
                    Json.stringArray(r.toolNames()),
                    r.priority(),
                    r.updatedAt(),
                    r.orgId(),
                    r.id()))
        > 0;
  }

  @Override
  public boolean delete(String orgId, String ruleId) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
        Scope.org(orgId),
        c -> {
          String where = " where org_id = ? and rule_id = ?";
          sql.update(c, "delete from guardrail_trigger_history" + where, orgId, ruleId);
          sql.update(c, "delete from guardrail_state" + where, orgId, ruleId);
          return sql.update(
                  c, "delete from guardrail_rules where org_id = ? and id = ?", orgId, ruleId)
              > 0;
        });
  }

  @Override
  public Optional<RuleState> state(String orgId, String ruleId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select org_id, rule_id, last_triggered_at, trigger_count, last_evaluated_at,"
                    + " current_value from guardrail_state where org_id = ? and rule_id = ?",
                rows::state,
                orgId,
                ruleId));
  }

  private static final String EVALUATED =
      "insert into guardrail_state (org_id, rule_id, trigger_count, last_evaluated_at,"
          + " current_value) select org_id, id, 0, ?, ? from guardrail_rules"
          + " where org_id = ? and id = ?"
          + " on conflict (org_id, rule_id) do update"
          + " set last_evaluated_at = excluded.last_evaluated_at,"
          + " current_value = excluded.current_value";

  @Override
  public void evaluated(String orgId, String ruleId, Instant at, Double value) {
    String org = Tenancy.require(orgId);
    tx.write(
        Scope.org(org), c -> sql.update(c, EVALUATED, at, GuardrailRows.real(value), org, ruleId));
  }

  @Override
  public void evaluated(String orgId, Map<String, Double> values, Instant at) {
    if (values.isEmpty()) {
      return;
    }
    String org = Tenancy.require(orgId);
    // why: one transaction for all of an agent's rules; on SQLite each commit is a turn of the
    // single writer the ingest worker also waits for
    tx.write(
        Scope.org(org),
        c -> {
          for (Map.Entry<String, Double> v : values.entrySet()) {
            sql.update(c, EVALUATED, at, GuardrailRows.real(v.getValue()), org, v.getKey());
          }
          return null;
        });
  }

  @Override
  public boolean claimTrigger(String orgId, String ruleId, Instant at, Duration cooldown) {
    String org = Tenancy.require(orgId);
    // why: triggers are recorded on several threads, so a claim can arrive after a later one; the
    // latest time stays, and without a cooldown such a late claim still succeeds
    return tx.write(
            Scope.org(org),
            c ->
                sql.update(
                    c,
                    "insert into guardrail_state (org_id, rule_id, last_triggered_at,"
                        + " trigger_count) select org_id, id, ?, 1 from guardrail_rules"
                        + " where org_id = ? and id = ?"
                        + " on conflict (org_id, rule_id) do update"
                        + " set trigger_count = guardrail_state.trigger_count + 1,"
                        + " last_triggered_at = case when guardrail_state.last_triggered_at is"
                        + " null or guardrail_state.last_triggered_at < excluded.last_triggered_at"
                        + " then excluded.last_triggered_at"
                        + " else guardrail_state.last_triggered_at end"
                        + " where ? or guardrail_state.last_triggered_at is null"
                        + " or guardrail_state.last_triggered_at <= ?",
                    at,
                    org,
                    ruleId,
                    cooldown.isZero(),
                    at.minus(cooldown)))
        > 0;
  }

  @Override
  public void appendTrigger(Trigger t) {
    String org = Tenancy.require(t.orgId());
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into guardrail_trigger_history ("
                    + GuardrailRows.TRIGGER_COLUMNS
                    + ") values (?,?,?,?,?,?,?,?,?)",
                org,
                t.id(),
                t.ruleId(),
                t.triggeredAt(),
                GuardrailRows.real(t.conditionValue()),
                GuardrailRows.real(t.conditionThreshold()),
                t.actionExecuted(),
                t.actionResult(),
                t.metadata()));
  }

  @Override
  public TriggerPage history(String orgId, String ruleId, int limit, int offset) {
    int lim = Math.max(1, Math.min(200, limit));
    int off = Math.max(0, offset);
    return tx.readOrg(
        orgId,
        new TriggerPage(List.of(), 0),
        c -> {
          String where = ruleId == null ? " where org_id = ?" : " where org_id = ? and rule_id = ?";
          Object[] args = ruleId == null ? new Object[] {orgId} : new Object[] {orgId, ruleId};
          long total =
              sql.one(
                      c,
                      "select count(*) from guardrail_trigger_history" + where,
                      rs -> rs.getLong(1),
                      args)
                  .orElse(0L);
          Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
          paged[args.length] = lim;
          paged[args.length + 1] = off;
          List<Trigger> page =
              sql.list(
                  c,
                  "select "
                      + GuardrailRows.TRIGGER_COLUMNS
                      + " from guardrail_trigger_history"
                      + where
                      + " order by triggered_at desc, id desc limit ? offset ?",
                  rows::trigger,
                  paged);
          return new TriggerPage(page, total);
        });
  }
}
