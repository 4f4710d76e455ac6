package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.cost.CostBudgetStore;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.AnalyticsRollups;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.FeatureOverrideStore;
import ai.agentlens.core.port.storage.InvitationStore;
import ai.agentlens.core.port.storage.LoginSessionStore;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.port.storage.UsageLedger;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.port.storage.UserTokenStore;

/**
 * Assembles a backend's {@link Stores} once: every store is the portable {@code Jdbc*}
 * implementation unless the backend overrides it with its own (a subclass whose SQL differs). A
 * backend module therefore writes only what it specializes, e.g.
 *
 * <pre>{@code
 * Stores stores = JdbcStores.builder(tx, sql, clock).audit(new SqliteAuditLog(tx, sql)).build();
 * }</pre>
 *
 * <p>The audit log has no portable default (each database unlocks anonymization differently), so
 * {@link #build} requires one. Not thread-safe; build once while opening the backend.
 */
public final class JdbcStores {

  private final Transactor tx;
  private final Sql sql;
  private final Clock clock;
  private OrgStore orgs;
  private UserStore users;
  private MembershipStore memberships;
  private InvitationStore invitations;
  private ApiKeyStore apiKeys;
  private EventStore events;
  private SessionStore sessions;
  private AgentStore agents;
  private UsageLedger usage;
  private AuditLog audit;
  private LoginSessionStore loginSessions;
  private UserTokenStore userTokens;
  private AnalyticsRollups rollups;
  private FeatureOverrideStore featureOverrides;
  private CostBudgetStore costBudgets;
  private String orgIdsSql = "select id from orgs order by id";

  private JdbcStores(Transactor tx, Sql sql, Clock clock) {
    this.tx = tx;
    this.sql = sql;
    this.clock = clock;
  }

  /**
   * Starts a store set on one backend's transactions and SQL dialect.
   *
   * @param tx the backend's transactions
   * @param sql SQL helper with the backend's dialect
   * @param clock time of writing, for the event store's usage hours
   * @return the builder
   */
  public static JdbcStores builder(Transactor tx, Sql sql, Clock clock) {
    return new JdbcStores(tx, sql, clock);
  }

  /**
   * Overrides organizations.
   *
   * @param store the backend's own {@link OrgStore}
   * @return this builder
   */
  public JdbcStores orgs(OrgStore store) {
    this.orgs = store;
    return this;
  }

  /**
   * Overrides users and credentials.
   *
   * @param store the backend's own {@link UserStore}
   * @return this builder
   */
  public JdbcStores users(UserStore store) {
    this.users = store;
    return this;
  }

  /**
   * Overrides org memberships.
   *
   * @param store the backend's own {@link MembershipStore}
   * @return this builder
   */
  public JdbcStores memberships(MembershipStore store) {
    this.memberships = store;
    return this;
  }

  /**
   * Overrides invitations.
   *
   * @param store the backend's own {@link InvitationStore}
   * @return this builder
   */
  public JdbcStores invitations(InvitationStore store) {
    this.invitations = store;
    return this;
  }

  /**
   * Overrides API keys.
   *
   * @param store the backend's own {@link ApiKeyStore}
   * @return this builder
   */
  public JdbcStores apiKeys(ApiKeyStore store) {
    this.apiKeys = store;
    return this;
  }

  /**
   * Overrides the event log.
   *
   * @param store the backend's own {@link EventStore}
   * @return this builder
   */
  public JdbcStores events(EventStore store) {
    this.events = store;
    return this;
  }

  /**
   * Overrides materialized sessions.
   *
   * @param store the backend's own {@link SessionStore}
   * @return this builder
   */
  public JdbcStores sessions(SessionStore store) {
    this.sessions = store;
    return this;
  }

  /**
   * Overrides materialized agents.
   *
   * @param store the backend's own {@link AgentStore}
   * @return this builder
   */
  public JdbcStores agents(AgentStore store) {
    this.agents = store;
    return this;
  }

  /**
   * Overrides usage records.
   *
   * @param store the backend's own {@link UsageLedger}
   * @return this builder
   */
  public JdbcStores usage(UsageLedger store) {
    this.usage = store;
    return this;
  }

  /**
   * Overrides the audit log.
   *
   * @param store the backend's own {@link AuditLog}
   * @return this builder
   */
  public JdbcStores audit(AuditLog store) {
    this.audit = store;
    return this;
  }

  /**
   * Overrides dashboard sessions.
   *
   * @param store the backend's own {@link LoginSessionStore}
   * @return this builder
   */
  public JdbcStores loginSessions(LoginSessionStore store) {
    this.loginSessions = store;
    return this;
  }

  /**
   * Overrides mailed single-use tokens.
   *
   * @param store the backend's own {@link UserTokenStore}
   * @return this builder
   */
  public JdbcStores userTokens(UserTokenStore store) {
    this.userTokens = store;
    return this;
  }

  /**
   * Overrides the analytics roll-up reads.
   *
   * @param store the backend's own {@link AnalyticsRollups}
   * @return this builder
   */
  public JdbcStores rollups(AnalyticsRollups store) {
    this.rollups = store;
    return this;
  }

  /**
   * Overrides per-org feature overrides.
   *
   * @param store the backend's own {@link FeatureOverrideStore}
   * @return this builder
   */
  public JdbcStores featureOverrides(FeatureOverrideStore store) {
    this.featureOverrides = store;
    return this;
  }

  /**
   * Overrides the cost budgets.
   *
   * @param store the backend's own {@link CostBudgetStore}
   * @return this builder
   */
  public JdbcStores costBudgets(CostBudgetStore store) {
    this.costBudgets = store;
    return this;
  }

  /**
   * Builds the set: overrides where given, the portable stores elsewhere.
   *
   * @return the stores
   * @throws IllegalStateException when no audit log was given
   */
  public Stores build() {
    if (audit == null) {
      throw new IllegalStateException(
          "a backend must provide its AuditLog (JdbcAuditLog subclass)");
    }
    return new Stores(
        or(orgs, () -> new JdbcOrgStore(tx, sql)),
        or(users, () -> new JdbcUserStore(tx, sql)),
        or(memberships, () -> new JdbcMembershipStore(tx, sql)),
        or(invitations, () -> new JdbcInvitationStore(tx, sql)),
        or(apiKeys, () -> new JdbcApiKeyStore(tx, sql)),
        or(events, () -> new JdbcEventStore(tx, sql, clock)),
        or(sessions, () -> new JdbcSessionStore(tx, sql)),
        or(agents, () -> new JdbcAgentStore(tx, sql)),
        or(usage, () -> new JdbcUsageLedger(tx, sql)),
        audit,
        or(loginSessions, () -> new JdbcLoginSessionStore(tx, sql)),
        or(userTokens, () -> new JdbcUserTokenStore(tx, sql)),
        or(rollups, () -> new JdbcAnalyticsRollups(tx, sql)),
        or(featureOverrides, () -> new JdbcFeatureOverrideStore(tx, sql)),
        new JdbcCostAnalytics(tx, sql),
        or(costBudgets, () -> new JdbcCostBudgetStore(tx, sql)),
        new JdbcGuardrailStore(tx, sql),
        new JdbcAgentControlStore(tx, sql),
        new JdbcBenchmarkStore(tx, sql),
        new JdbcBillingStateStore(tx, sql, orgIdsSql),
        new JdbcOverageCapStore(tx, sql),
        new JdbcQuotaWarningLog(tx, sql));
  }

  /**
   * Sets the query listing every org id without a tenant scope (for the billing jobs), where the
   * database hides other orgs' rows (PostgreSQL: a security-definer function).
   *
   * @param query a query whose first column is the org id
   * @return this builder
   */
  public JdbcStores billingOrgIds(String query) {
    this.orgIdsSql = query;
    return this;
  }

  private static <T> T or(T override, java.util.function.Supplier<T> portable) {
    return override != null ? override : portable.get();
  }
}
