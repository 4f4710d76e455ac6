package ai.agentlens.storage.contract;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import ai.agentlens.testing.TestStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The backends every contract suite runs against. */
enum Backend {
  SQLITE,
  POSTGRES;

  /** An opened backend plus raw access to its database as the application would connect. */
  record Opened(StorageProvider provider, RawConnections raw) {}

  /** Raw JDBC connections, for proving what the database itself refuses. */
  @FunctionalInterface
  interface RawConnections {
    Connection open() throws SQLException;
  }

  Opened open(Clock clock) throws Exception {
    if (this == SQLITE) {
      Path file = Files.createTempDirectory("agentlens-contract-").resolve("agentlens.db");
      return new Opened(
          SqliteStorageProvider.open(new SqliteConfig(file, 4, clock)),
          () -> DriverManager.getConnection("jdbc:sqlite:" + file));
    }
    var roles = TestStorage.postgresRoles();
    return new Opened(TestStorage.postgres(clock), roles::connectAsApp);
  }
}
