package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link OrgStore} in portable SQL. */
public class JdbcOrgStore implements OrgStore {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final String COLUMNS =
      "id, slug, name, plan, retention_days, redaction_rules, prompt_masking, created_at";

  /** The org's data tables every backend has, purged on deletion (children first). */
  private static final List<String> DATA_TABLES =
      List.of(
          "guardrail_trigger_history",
          "guardrail_state",
          "guardrail_rules",
          "org_features",
          "cost_budget_breaches",
          "cost_budgets",
          "events",
          "sessions",
          "agents",
          "usage_records",
          "rollup_hourly",
          "rollup_daily",
          "api_keys",
          "invitations",
          "memberships");

  private final Transactor tx;
  private final Sql sql;
  private final List<String> purged;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcOrgStore(Transactor tx, Sql sql) {
    this(tx, sql, List.of());
  }

  /**
   * Creates the store for a backend with more per-org tables.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param extraTables further tables with an {@code org_id} column to purge on deletion
   */
  public JdbcOrgStore(Transactor tx, Sql sql, List<String> extraTables) {
    this.tx = tx;
    this.sql = sql;
    List<String> all = new java.util.ArrayList<>(extraTables);
    all.addAll(DATA_TABLES);
    this.purged = List.copyOf(all);
  }

  @Override
  public void create(Org org) {
    String id = Tenancy.require(org.id());
    if (!SLUG.matcher(org.slug()).matches()) {
      throw new InvalidInputException("slug: 1..64 characters of a-z, 0-9 and inner '-'");
    }
    Fields.required("name", org.name(), 200);
    checkSettings(org.settings());
    tx.write(
        Scope.org(id),
        c ->
            sql.update(
                c,
                "insert into orgs (" + COLUMNS + ") values (?,?,?,?,?,?,?,?)",
                id,
                org.slug(),
                org.name(),
                org.plan().wireName(),
                org.settings().retentionDays(),
                Json.stringArray(org.settings().redactionRules()),
                org.settings().promptMasking(),
                org.createdAt()));
  }

  @Override
  public Optional<Org> find(String orgId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c -> sql.one(c, "select " + COLUMNS + " from orgs where id = ?", this::map, orgId));
  }

  @Override
  public void updateSettings(String orgId, OrgSettings settings) {
    checkSettings(settings);
    mutate(
        orgId,
        "update orgs set retention_days = ?, redaction_rules = ?, prompt_masking = ? where id = ?",
        settings.retentionDays(),
        Json.stringArray(settings.redactionRules()),
        settings.promptMasking(),
        orgId);
  }

  @Override
  public void updatePlan(String orgId, Plan plan) {
    mutate(orgId, "update orgs set plan = ? where id = ?", plan.wireName(), orgId);
  }

  @Override
  public boolean delete(String orgId) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
        Scope.org(orgId),
        c -> {
          for (String table : purged) {
            // why: table names come from the constant list above, never from input
            sql.update(c, "delete from " + table + " where org_id = ?", orgId);
          }
          return sql.update(c, "delete from orgs where id = ?", orgId) > 0;
        });
  }

  private void mutate(String orgId, String statement, Object... args) {
    Tenancy.require(orgId);
    int n = tx.write(Scope.org(orgId), c -> sql.update(c, statement, args));
    if (n == 0) {
      throw new NotFoundException("no org " + orgId);
    }
  }

  private static void checkSettings(OrgSettings s) {
    if (s.retentionDays() <= 0) {
      throw new InvalidInputException("retentionDays: must be > 0");
    }
    for (String rule : s.redactionRules()) {
      Fields.required("redactionRules[]", rule, Fields.MAX_TEXT);
    }
  }

  private Org map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Org(
        rs.getString("id"),
        rs.getString("slug"),
        rs.getString("name"),
        Plan.fromWireName(rs.getString("plan")).orElseThrow(),
        new OrgSettings(
            rs.getInt("retention_days"),
            Json.parseStringArray(rs.getString("redaction_rules")),
            rs.getBoolean("prompt_masking")),
        sql.dialect().getInstant(rs, "created_at"));
  }
}
