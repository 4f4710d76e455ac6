package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to open the SQLite database.
 *
 * @param file the database file; its directory is created when missing
 * @param readers number of reader connections, &ge; 1
 * @param clock time source for usage hours
 */
public record SqliteConfig(Path file, int readers, Clock clock) {

  /** Rejects missing fields. */
  public SqliteConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    if (readers < 1) {
      throw new IllegalArgumentException("readers must be >= 1");
    }
  }

  /**
   * Returns the default configuration for a file: 4 readers, the system clock.
   *
   * @param file the database file
   * @return the configuration
   */
  public static SqliteConfig of(Path file) {
    return new SqliteConfig(file, 4, Clock.system());
  }
}
