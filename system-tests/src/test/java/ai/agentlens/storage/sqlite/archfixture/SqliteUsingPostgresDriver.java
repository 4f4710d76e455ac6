package ai.agentlens.storage.sqlite.archfixture;

/** Violates the SQLite adapter's allowlist: it uses another backend's driver. */
public class SqliteUsingPostgresDriver {
  org.postgresql.Driver driver;
}
