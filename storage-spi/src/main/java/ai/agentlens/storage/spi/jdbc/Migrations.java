package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.StorageUnavailableException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs a backend's Flyway migrations from {@code classpath:db/<backend>}. */
public final class Migrations {

  private Migrations() {}

  /**
   * Migrates a database to the newest version.
   *
   * @param dataSource connections as the schema owner
   * @param backend folder name under {@code db/}, e.g. {@code sqlite}
   * @param placeholders Flyway placeholders, e.g. the application role's name
   * @return the schema version after migrating
   * @throws StorageUnavailableException when a migration fails
   */
  public static String migrate(
      DataSource dataSource, String backend, Map<String, String> placeholders) {
    try {
      Flyway flyway =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/" + backend)
              .placeholders(placeholders)
              .load();
      MigrateResult result = flyway.migrate();
      return flyway.info().current() == null
          ? result.targetSchemaVersion
          : flyway.info().current().getVersion().getVersion();
    } catch (RuntimeException e) {
      throw new StorageUnavailableException("database migration failed: " + e.getMessage(), e);
    }
  }
}
