package ai.agentlens.app.selfhosted;

import ai.agentlens.core.org.Provisioning;
import ai.agentlens.core.port.Clock;
import ai.agentlens.hasher.bcrypt.BcryptSecretHasher;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import com.github.f4b6a3.ulid.UlidCreator;
import java.nio.file.Path;

/**
 * The self-hosted database for CLI commands, opened without the HTTP server (safe while the server
 * runs: SQLite locks the file between processes). Orgs created from the CLI use their slug as their
 * id, so {@code --org SLUG} finds them directly.
 */
final class CliStorage {

  private CliStorage() {}

  static SqliteStorageProvider open(Path dataDir) {
    Path dir = DataDirectory.prepare(dataDir);
    return SqliteStorageProvider.open(
        new SqliteConfig(dir.resolve(SelfhostedBeans.DATABASE_FILE), 1, Clock.system()));
  }

  /**
   * Returns the operator's use cases over an opened database.
   *
   * @param storage the opened database
   * @return the use cases
   */
  static Provisioning provisioning(SqliteStorageProvider storage) {
    return new Provisioning(
        storage.stores(),
        new BcryptSecretHasher(10),
        Clock.system(),
        () -> UlidCreator.getMonotonicUlid().toString());
  }
}
