package ai.agentlens.storage.postgres;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.RetentionPurge;
import ai.agentlens.core.port.storage.RollupMaintenance;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.storage.spi.StorageCapabilities;
import ai.agentlens.storage.spi.StorageCapability;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.spi.jdbc.JdbcJobLeases;
import ai.agentlens.storage.spi.jdbc.JdbcLlmLogInbox;
import ai.agentlens.storage.spi.jdbc.JdbcOrgStore;
import ai.agentlens.storage.spi.jdbc.JdbcRollupMaintenance;
import ai.agentlens.storage.spi.jdbc.JdbcStores;
import ai.agentlens.storage.spi.jdbc.Migrations;
import ai.agentlens.storage.spi.jdbc.Sql;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opens the PostgreSQL backend: migrates as the owner role, then pools connections of the
 * application role, creates event partitions ahead, and hands out the stores.
 */
public final class PostgresStorageProvider implements StorageProvider {

  private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final PostgresTransactor tx;
  private final Stores stores;
  private final String version;
  private final StorageCapabilities capabilities;
  private final HikariDataSource app;
  private final RollupMaintenance maintenance;
  private final RetentionPurge purge;
  private final JobLeases leases;
  private final ai.agentlens.core.port.alerting.AlertingStores alerting;
  private final ai.agentlens.core.port.memory.MemoryStores memory;
  private final ai.agentlens.core.port.incident.IncidentStores incidents;
  private final ai.agentlens.core.port.memory.EmbeddingStore embeddings;
  private final ai.agentlens.core.port.deletion.DeletionQueue deletions;
  private final ai.agentlens.core.port.llm.LlmRequestStore llmRequests;
  private ai.agentlens.core.port.llm.LlmLogInbox llmLogInbox;
  private PgvectorBackfill backfill;

  private PostgresStorageProvider(
      PostgresTransactor tx,
      Stores stores,
      String version,
      StorageCapabilities capabilities,
      HikariDataSource app,
      RetentionPurge purge,
      JobLeases leases,
      ai.agentlens.core.port.memory.EmbeddingStore embeddings) {
    this.purge = purge;
    this.leases = leases;
    this.alerting =
        ai.agentlens.storage.spi.jdbc.JdbcAlertingStores.create(tx, new Sql(new PostgresDialect()));
    this.incidents =
        ai.agentlens.storage.spi.jdbc.JdbcIncidentStores.create(tx, new Sql(new PostgresDialect()));
    this.memory =
        ai.agentlens.storage.spi.jdbc.JdbcMemoryStores.create(tx, new Sql(new PostgresDialect()));
    this.llmRequests =
        new ai.agentlens.storage.spi.jdbc.JdbcLlmRequestStore(
            tx, new Sql(new PostgresDialect()), new PostgresLlmFullText());
    this.embeddings = embeddings;
    // why: RLS shows the app role one tenant; the job lists every org's pending requests
    this.deletions =
        new ai.agentlens.storage.spi.jdbc.JdbcDeletionQueue(
            tx,
            new Sql(new PostgresDialect()),
            "select "
                + ai.agentlens.storage.spi.jdbc.JdbcDeletionQueue.COLUMNS
                + " from pending_deletion_requests(?)");
    this.app = app;
    this.tx = tx;
    this.stores = stores;
    this.version = version;
    this.capabilities = capabilities;
    this.maintenance =
        new JdbcRollupMaintenance(
            tx,
            new Sql(new PostgresDialect()),
            "select id from rollup_org_ids() as t(id)",
            // why: appends add to roll-up rows concurrently; while a day's rows are deleted and
            // recomputed no writer may add to them (or insert a new key the delete did not see)
            "lock table rollup_hourly, rollup_daily in share row exclusive mode");
  }

  /** The transactor, for tests in this package that build a store of their own. */
  PostgresTransactor transactor() {
    return tx;
  }

  /**
   * Migrates the database and opens the stores.
   *
   * @param config URL, roles, pool size
   * @return the provider; close it to release the pool
   * @throws StorageUnavailableException when the database cannot be reached or migrated
   */
  public static PostgresStorageProvider open(PostgresConfig config) {
    if (!ROLE.matcher(config.appUser()).matches()) {
      // why: the role name is a Flyway placeholder in GRANT statements, so it must be an identifier
      throw new IllegalArgumentException("application role must match " + ROLE.pattern());
    }
    String version;
    boolean pgvector;
    // why: Flyway holds one connection for its lock and uses another for the migrations
    try (HikariDataSource owner =
        pool(config, config.ownerUser(), config.ownerPassword(), 3, true)) {
      version = Migrations.migrate(owner, "postgres", Map.of("appRole", config.appUser()));
      pgvector = PgvectorSchema.prepare(owner, config.pgvector());
    } catch (java.sql.SQLException e) {
      throw new StorageUnavailableException(
          "cannot prepare the embeddings table: " + e.getMessage(), e);
    }
    HikariDataSource app =
        pool(config, config.appUser(), config.appPassword(), config.poolSize(), false);
    PostgresDialect dialect = new PostgresDialect();
    PostgresTransactor tx = new PostgresTransactor(app, dialect);
    Sql sql = new Sql(dialect);
    PostgresPartitions partitions = new PostgresPartitions(tx);
    partitions.ensureAhead(config.clock().now(), config.monthsAhead());
    PostgresEventStore events = new PostgresEventStore(tx, sql, config.clock(), partitions);
    // why: RLS shows the app role one org; the recorder must find every org with notes, and the
    // backlog meter counts them all
    JdbcLlmLogInbox inbox =
        new JdbcLlmLogInbox(
            tx,
            sql,
            config.clock(),
            "select id from llm_log_inbox_orgs(?) as t(id)",
            "select notes, oldest from llm_log_inbox_backlog()");
    events.noteLlmEventsIn(inbox);
    Stores stores =
        JdbcStores.builder(tx, sql, config.clock())
            // why: event_keys holds the org's idempotency keys, purged with the org
            .orgs(new JdbcOrgStore(tx, sql, List.of("event_keys")))
            .apiKeys(new PostgresApiKeyStore(tx, sql))
            .events(events)
            .audit(new PostgresAuditLog(tx, sql))
            // why: RLS shows the app role one org; the billing jobs walk them all
            .billingOrgIds("select id from billing_org_ids() as t(id)")
            .costBudgets(
                new ai.agentlens.storage.spi.jdbc.JdbcCostBudgetStore(
                    tx, sql, "select id from cost_budget_org_ids() as t(id)"))
            .build();
    ai.agentlens.core.port.memory.EmbeddingStore embeddings =
        pgvector
            ? new PgvectorEmbeddingStore(tx, sql)
            : new ai.agentlens.storage.spi.jdbc.JdbcEmbeddingStore(tx, sql);
    PostgresStorageProvider provider =
        new PostgresStorageProvider(
            tx,
            stores,
            version,
            capabilities(embeddings),
            app,
            new PostgresRetentionPurge(tx, sql, partitions),
            new JdbcJobLeases(tx, sql, config.clock()),
            embeddings);
    provider.llmLogInbox = inbox;
    if (pgvector) {
      provider.backfill = new PgvectorBackfill(tx, sql);
      Thread t = new Thread(provider.backfill, "agentlens-pgvector-backfill");
      t.setDaemon(true);
      t.start();
    }
    return provider;
  }

  private static StorageCapabilities capabilities(
      ai.agentlens.core.port.memory.EmbeddingStore embeddings) {
    Set<StorageCapability> features =
        EnumSet.of(
            StorageCapability.ROW_LEVEL_SECURITY,
            StorageCapability.PARTITIONING,
            StorageCapability.MULTI_PROCESS_WRITERS,
            StorageCapability.DATABASE_ROLES);
    // why: the capability says the store ranks in the database, which it does only when
    // pgvector is there and allowed (PgvectorSchema)
    if (embeddings.rankedInDatabase()) {
      features.add(StorageCapability.VECTOR_SEARCH);
    }
    return new StorageCapabilities("postgres", features);
  }

  private static HikariDataSource pool(
      PostgresConfig config, String user, String pw, int size, boolean autoCommit) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.jdbcUrl());
    hc.setUsername(user);
    hc.setPassword(pw);
    hc.setMaximumPoolSize(size);
    hc.setMinimumIdle(Math.min(size, 2));
    hc.setAutoCommit(autoCommit);
    hc.setPoolName("agentlens-" + user);
    hc.addDataSourceProperty("reWriteBatchedInserts", "true");
    hc.setInitializationFailTimeout(10_000);
    try {
      return new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StorageUnavailableException(
          "cannot connect to PostgreSQL as " + user + ": " + e.getMessage(), e);
    }
  }

  @Override
  public java.util.Optional<PoolStats> pool() {
    var bean = app.getHikariPoolMXBean();
    if (bean == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new PoolStats(
            bean.getActiveConnections(),
            bean.getIdleConnections(),
            app.getMaximumPoolSize(),
            bean.getThreadsAwaitingConnection()));
  }

  @Override
  public StorageCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public Stores stores() {
    return stores;
  }

  @Override
  public RetentionPurge retentionPurge() {
    return purge;
  }

  @Override
  public JobLeases jobLeases() {
    return leases;
  }

  @Override
  public ai.agentlens.core.port.deletion.DeletionQueue deletionQueue() {
    return deletions;
  }

  @Override
  public ai.agentlens.core.port.alerting.AlertingStores alerting() {
    return alerting;
  }

  @Override
  public ai.agentlens.core.port.memory.MemoryStores memory() {
    return memory;
  }

  @Override
  public ai.agentlens.core.port.llm.LlmLogInbox llmLogInbox() {
    return llmLogInbox;
  }

  @Override
  public ai.agentlens.core.port.llm.LlmRequestStore llmRequests() {
    return llmRequests;
  }

  @Override
  public ai.agentlens.core.port.incident.IncidentStores incidents() {
    return incidents;
  }

  @Override
  public ai.agentlens.core.port.memory.EmbeddingStore embeddings() {
    return embeddings;
  }

  @Override
  public RollupMaintenance rollupMaintenance() {
    return maintenance;
  }

  @Override
  public String schemaVersion() {
    return version;
  }

  @Override
  public void close() {
    if (backfill != null) {
      backfill.stop();
    }
    tx.close();
  }
}
