package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.RawDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How this module's contract subclasses open SQLite: a fresh file per suite. */
final class SqliteBackend {

  private SqliteBackend() {}

  /**
   * Opens a provider on a new SQLite file in a temporary directory.
   *
   * @param clock the clock
   * @return the provider and raw JDBC access to the same file
   */
  static OpenedBackend open(Clock clock) {
    Path file = newFile();
    return new OpenedBackend(
        SqliteStorageProvider.open(new SqliteConfig(file, 4, clock)), new Raw(file));
  }

  /**
   * A fresh database file in a new temporary directory.
   *
   * @return its path (the file itself does not exist yet)
   */
  static Path newFile() {
    try {
      Path dir = Files.createTempDirectory("agentlens-contract-");
      dir.toFile().deleteOnExit();
      return dir.resolve("agentlens.db");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary directory", e);
    }
  }

  /** Plain JDBC on the file; the application has no database user of its own. */
  private record Raw(Path file) implements RawDatabase {

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Override
    public void scopeToOrg(Connection connection, String orgId) {
      // why: SQLite has no tenant setting; the stores filter by org in every query themselves
    }
  }
}
