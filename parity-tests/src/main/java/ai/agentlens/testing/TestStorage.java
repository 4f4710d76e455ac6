package ai.agentlens.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PostgreSQL databases for storage tests and benchmarks, each with its own owner and application
 * roles, as the cloud deployment connects (roles are cluster-global, so their names are unique per
 * run; they are dropped at JVM exit together with the database). The storage backend modules open
 * their providers on these; this kit knows no backend.
 */
public final class TestStorage {

  private static PostgresRoles roles;

  private TestStorage() {}

  /**
   * The database and roles of a PostgreSQL test setup.
   *
   * @param database the run's database
   * @param owner the owner role (runs migrations)
   * @param app the application role (owns nothing, no superuser, no BYPASSRLS)
   * @param password both roles' password
   */
  public record PostgresRoles(TestDatabase database, String owner, String app, String password) {

    /**
     * Opens a connection as the application role.
     *
     * @return a connection; the caller closes it
     * @throws SQLException when refused
     */
    public Connection connectAsApp() throws SQLException {
      return DriverManager.getConnection(database.jdbcUrl(), app, password);
    }
  }

  /**
   * Returns this run's PostgreSQL storage database and roles, creating them on first use.
   *
   * @return the roles
   */
  public static synchronized PostgresRoles postgresRoles() {
    if (roles == null) {
      roles = createRoles(TestPostgres.newDatabase());
    }
    return roles;
  }

  /**
   * Creates a fresh database with its own owner and application roles.
   *
   * @param db an empty database
   * @return the roles
   */
  public static PostgresRoles createRoles(TestDatabase db) {
    String stamp =
        LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    String base =
        "al_t_" + stamp + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffff);
    String owner = base + "_owner";
    String app = base + "_app";
    String password = "pw";
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.execute(
          "create role " + owner + " login nosuperuser nobypassrls password '" + password + "'");
      st.execute(
          "create role "
              + app
              + " login nosuperuser nobypassrls nocreatedb nocreaterole password '"
              + password
              + "'");
      st.execute("grant all on schema public to " + owner);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test roles", e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> dropRoles(db, owner, app), "drop-test-roles"));
    return new PostgresRoles(db, owner, app, password);
  }

  private static void dropRoles(TestDatabase db, String... names) {
    PostgresServer s = db.server();
    try (Connection c =
            DriverManager.getConnection(s.jdbcUrl("postgres"), s.adminUser(), s.adminPassword());
        Statement st = c.createStatement()) {
      try {
        st.execute("drop database if exists " + db.name() + " with (force)");
      } catch (SQLException e) {
        // why: the database hook of TestPostgres may be dropping it at the same moment
        Thread.sleep(500);
      }
      for (String name : names) {
        st.execute("drop role if exists " + name);
      }
    } catch (SQLException | InterruptedException e) {
      System.err.println("could not drop test roles: " + e.getMessage());
    }
  }
}
