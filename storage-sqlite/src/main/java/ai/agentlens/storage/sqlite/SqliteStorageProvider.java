package ai.agentlens.storage.sqlite;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.RetentionPurge;
import ai.agentlens.core.port.storage.RollupMaintenance;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.storage.spi.StorageCapabilities;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.spi.jdbc.JdbcEventStore;
import ai.agentlens.storage.spi.jdbc.JdbcJobLeases;
import ai.agentlens.storage.spi.jdbc.JdbcLlmLogInbox;
import ai.agentlens.storage.spi.jdbc.JdbcOrgStore;
import ai.agentlens.storage.spi.jdbc.JdbcRollupMaintenance;
import ai.agentlens.storage.spi.jdbc.JdbcStores;
import ai.agentlens.storage.spi.jdbc.Migrations;
import ai.agentlens.storage.spi.jdbc.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the SQLite backend: migrates the file, starts the writer thread, hands out the stores. */
public final class SqliteStorageProvider implements StorageProvider {

  private final SqliteTransactor tx;
  private final Stores stores;
  private final String version;
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
  private SqliteSessionIndexer sessionIndexer;

  private SqliteStorageProvider(
      SqliteTransactor tx,
      Stores stores,
      String version,
      RollupMaintenance maintenance,
      RetentionPurge purge,
      JobLeases leases) {
    this.purge = purge;
    this.leases = leases;
    this.alerting =
        ai.agentlens.storage.spi.jdbc.JdbcAlertingStores.create(tx, new Sql(new SqliteDialect()));
    this.incidents =
        ai.agentlens.storage.spi.jdbc.JdbcIncidentStores.create(tx, new Sql(new SqliteDialect()));
    this.memory =
        ai.agentlens.storage.spi.jdbc.JdbcMemoryStores.create(tx, new Sql(new SqliteDialect()));
    this.llmRequests =
        new ai.agentlens.storage.spi.jdbc.JdbcLlmRequestStore(
            tx, new Sql(new SqliteDialect()), new SqliteLlmFullText());
    this.embeddings =
        new ai.agentlens.storage.spi.jdbc.JdbcEmbeddingStore(tx, new Sql(new SqliteDialect()));
    this.deletions =
        new ai.agentlens.storage.spi.jdbc.JdbcDeletionQueue(
            tx,
            new Sql(new SqliteDialect()),
            "select "
                + ai.agentlens.storage.spi.jdbc.JdbcDeletionQueue.COLUMNS
                + " from deletion_requests where state <> 'done' order by requested_at, id limit ?");
    this.tx = tx;
    this.stores = stores;
    this.version = version;
    this.maintenance = maintenance;
  }

  /**
   * Indexes by session every event stored so far (for tests and tools; the indexer does it in the
   * background every {@link #SESSION_INDEX_INTERVAL}).
   *
   * @return the number of events given entries
   */
  public long indexSessionsNow() {
    return sessionIndexer.indexAll();
  }

  /** How often the session index takes the events stored since its last run. */
  static final java.time.Duration SESSION_INDEX_INTERVAL = java.time.Duration.ofSeconds(1);

  /** The transactor, for tests in this package that build a store of their own over the file. */
  SqliteTransactor transactor() {
    return tx;
  }

  /**
   * Opens (creating and migrating when needed) the database file.
   *
   * @param config file, readers, clock
   * @return the provider; close it to stop the writer
   * @throws StorageUnavailableException when the file cannot be opened or migrated
   */
  public static SqliteStorageProvider open(SqliteConfig config) {
    return openFile(config, SESSION_INDEX_INTERVAL);
  }

  /**
   * Opens the file with the session index brought up to date every {@code sessionIndexInterval}
   * (for tests and benchmarks that decide themselves when it runs, through {@link
   * #indexSessionsNow}).
   *
   * @param config file, readers, clock
   * @param sessionIndexInterval how often the session indexer runs
   * @return the provider
   */
  public static SqliteStorageProvider open(
      SqliteConfig config, java.time.Duration sessionIndexInterval) {
    return openFile(config, sessionIndexInterval);
  }

  /**
   * Makes the database file readable by its owner only ({@code 0600}), creating it empty when it
   * does not exist yet: it holds prompts and password and key hashes. SQLite gives its {@code -wal}
   * and {@code -shm} files the database file's permissions, so they follow. A no-op where the file
   * system has no POSIX permissions.
   */
  private static void ownerOnly(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    var rw = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
    if (Files.notExists(file)) {
      Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(rw));
    } else if (!Files.getPosixFilePermissions(file).equals(rw)) {
      Files.setPosixFilePermissions(file, rw);
    }
    for (String suffix : new String[] {"-wal", "-shm"}) {
      Path side = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(side)) {
        Files.setPosixFilePermissions(side, rw);
      }
    }
  }

  private static SqliteStorageProvider openFile(
      SqliteConfig config, java.time.Duration sessionIndexInterval) {
    Path file = config.file().toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      ownerOnly(file);
    } catch (IOException e) {
      throw new StorageUnavailableException("cannot create " + file.getParent(), e);
    }
    SQLiteDataSource ds = dataSource(file);
    incrementalVacuum(ds);
    String version = Migrations.migrate(ds, "sqlite", Map.of());
    SqliteDialect dialect = new SqliteDialect();
    SqliteTransactor tx;
    try {
      tx = new SqliteTransactor(dialect, () -> connect(ds), config.readers());
    } catch (SQLException e) {
      throw dialect.errors().translate(e);
    }
    Sql sql = new Sql(dialect);
    JdbcEventStore events = new JdbcEventStore(tx, sql, config.clock());
    JdbcLlmLogInbox inbox =
        new JdbcLlmLogInbox(
            tx,
            sql,
            config.clock(),
            JdbcLlmLogInbox.PORTABLE_ORGS_SQL,
            JdbcLlmLogInbox.PORTABLE_BACKLOG_SQL);
    events.noteLlmEventsIn(inbox);
    Stores stores =
        JdbcStores.builder(tx, sql, config.clock())
            .events(events)
            .audit(new SqliteAuditLog(tx, sql))
            .orgs(new JdbcOrgStore(tx, sql, List.of("session_keys")))
            .build();
    // why: the single writer thread already keeps event writers out while a day is rebuilt
    RollupMaintenance maintenance =
        new JdbcRollupMaintenance(tx, sql, "select id from orgs order by id", null);
    SqliteStorageProvider provider =
        new SqliteStorageProvider(
            tx,
            stores,
            version,
            maintenance,
            new SqliteRetentionPurge(tx, sql),
            new JdbcJobLeases(tx, sql, config.clock()));
    provider.llmLogInbox = inbox;
    provider.sessionIndexer = new SqliteSessionIndexer(tx, sql, sessionIndexInterval);
    return provider;
  }

  /**
   * Puts the file in {@code auto_vacuum = incremental} mode, so purged space can be given back. A
   * new file gets the mode before its first table; an existing file in another mode needs a full
   * {@code VACUUM} once (it rewrites the file; done here, at start, before any other connection).
   */
  private static void incrementalVacuum(SQLiteDataSource ds) {
    try (Connection c = ds.getConnection();
        var s = c.createStatement()) {
      int mode;
      try (var rs = s.executeQuery("pragma auto_vacuum")) {
        mode = rs.next() ? rs.getInt(1) : 0;
      }
      if (mode != 2) {
        s.execute("pragma auto_vacuum = incremental");
        // why: changing the mode of a file that already has tables takes effect only after VACUUM
        s.execute("vacuum");
        forgetSessionIndex(s);
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("cannot set auto_vacuum: " + e.getMessage(), e);
    }
  }

  /**
   * Empties the session index after a {@code VACUUM}, which may renumber the rowids its entries
   * point at; the indexer rebuilds it from the first row, and reads take the rows it has not
   * reached by their rowid range meanwhile.
   */
  private static void forgetSessionIndex(java.sql.Statement s) throws SQLException {
    try (var rs =
        s.executeQuery("select 1 from sqlite_master where name = 'event_sessions_mark'")) {
      if (!rs.next()) {
        return;
      }
    }
    s.execute("delete from event_sessions");
    s.execute("update event_sessions_mark set indexed_to = 0");
  }

  /**
   * Returns a data source with the pragmas every connection uses: WAL, full sync (a commit is
   * durable before the writer acknowledges it), foreign keys, a 5 s busy timeout.
   *
   * @param file the database file
   * @return the data source
   */
  public static SQLiteDataSource dataSource(Path file) {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    cfg.enforceForeignKeys(true);
    cfg.setBusyTimeout(5000);
    SQLiteDataSource ds = new SQLiteDataSource(cfg);
    ds.setUrl("jdbc:sqlite:" + file);
    return ds;
  }

  private static Connection connect(SQLiteDataSource ds) {
    try {
      return ds.getConnection();
    } catch (SQLException e) {
      throw new StorageUnavailableException("cannot open SQLite: " + e.getMessage(), e);
    }
  }

  @Override
  public java.util.Optional<WriterStats> writer() {
    return java.util.Optional.of(tx.writerStats());
  }

  @Override
  public java.util.Optional<SessionIndexStats> sessionIndex() {
    return sessionIndexer == null ? java.util.Optional.empty() : sessionIndexer.stats();
  }

  @Override
  public StorageCapabilities capabilities() {
    return new StorageCapabilities("sqlite", Set.of());
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
    if (sessionIndexer != null) {
      sessionIndexer.close();
    }
    tx.close();
  }
}
