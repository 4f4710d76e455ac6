package ai.agentlens.storage.spi.jdbc;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Reads, without changing anything, which schema version a database is at and whether this build
 * knows every migration applied to it (a backup from a newer AgentLens would not).
 *
 * @param current the newest applied version, or {@code null} when no migration ran
 * @param unknown versions applied to the database that this build's migrations do not contain
 * @param failed versions whose migration failed
 */
public record SchemaCheck(String current, List<String> unknown, List<String> failed) {

  /**
   * Inspects a database with Flyway's {@code info} (read-only).
   *
   * @param dataSource connections to the database
   * @param backend folder name under {@code db/}, e.g. {@code sqlite}
   * @return what was found
   */
  public static SchemaCheck inspect(DataSource dataSource, String backend) {
    Flyway flyway =
        Flyway.configure(SchemaCheck.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/" + backend)
            .load();
    List<String> unknown = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (MigrationInfo info : flyway.info().applied()) {
      if (info.getVersion() == null) {
        continue;
      }
      String v = info.getVersion().getVersion();
      if (info.getState() == MigrationState.FUTURE_SUCCESS
          || info.getState() == MigrationState.FUTURE_FAILED
          || info.getState() == MigrationState.MISSING_SUCCESS) {
        unknown.add(v);
      } else if (info.getState().isFailed()) {
        failed.add(v);
      }
    }
    MigrationInfo current = flyway.info().current();
    return new SchemaCheck(
        current == null ? null : current.getVersion().getVersion(),
        List.copyOf(unknown),
        List.copyOf(failed));
  }

  /**
   * Tells whether the database is at a version this build can open.
   *
   * @return true when some migration ran, none failed and every applied one is known
   */
  public boolean usable() {
    return current != null && unknown.isEmpty() && failed.isEmpty();
  }
}
