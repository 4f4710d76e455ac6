package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.jdbc.SchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Online backup and verification of an AgentLens SQLite file. A backup is one {@code VACUUM INTO}:
 * it reads the database in a single read transaction, so it is a consistent snapshot even while the
 * server keeps writing (WAL mode: the reader never blocks the writer), and holds exactly the
 * transactions committed before it started.
 */
public final class SqliteBackup {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteBackup() {}

  /**
   * Writes a consistent copy of a live database to a new file readable by its owner only.
   *
   * @param database the database file (may be in use by a running server)
   * @param out the backup file; must not exist or be empty
   * @param progress receives one line per step
   * @return the schema version of the copy
   * @throws IllegalArgumentException when {@code out} already holds data or the source is missing
   * @throws IOException when a file cannot be written
   * @throws SQLException when SQLite fails
   */
  public static String backup(Path database, Path out, Consumer<String> progress)
      throws IOException, SQLException {
    if (!Files.isRegularFile(database)) {
      throw new IllegalArgumentException("no database at " + database);
    }
    if (Files.exists(out) && Files.size(out) > 0) {
      throw new IllegalArgumentException(out + " already exists; choose a new file");
    }
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    createOwnerOnly(partial);
    long started = System.nanoTime();
    try (Connection c = dataSource(database, false).getConnection()) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("pragma page_count")) {
        rs.next();
        progress.accept(
            "copying "
                + rs.getLong(1)
                + " pages ("
                + Files.size(database) / 1024
                + " KiB + WAL) from "
                + database);
      }
      try (PreparedStatement p = c.prepareStatement("vacuum into ?")) {
        p.setString(1, partial.toString());
        p.executeUpdate();
      }
    } catch (SQLException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    progress.accept("copied in " + (System.nanoTime() - started) / 1_000_000 + " ms; verifying");
    String version = verify(partial);
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    progress.accept(
        "backup written: " + out + " (" + Files.size(out) / 1024 + " KiB, schema " + version + ")");
    return version;
  }

  /**
   * Checks that a file is an intact AgentLens database at a schema version this build knows.
   *
   * @param file the file to check; it is only read
   * @return its schema version
   * @throws IllegalArgumentException naming what is wrong with the file
   * @throws IOException when the file cannot be read
   */
  public static String verify(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no file at " + file);
    }
    byte[] head = new byte[MAGIC.length];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, head.length) != head.length || !Arrays.equals(head, MAGIC)) {
        throw new IllegalArgumentException(file + " is not a SQLite database");
      }
    }
    SQLiteDataSource ds = dataSource(file, true);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("pragma quick_check")) {
        rs.next();
        if (!"ok".equals(rs.getString(1))) {
          throw new IllegalArgumentException(file + " is damaged: " + rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select count(*) from sqlite_master where type = 'table'"
                  + " and name in ('flyway_schema_history', 'orgs', 'events')")) {
        rs.next();
        if (rs.getInt(1) != 3) {
          throw new IllegalArgumentException(file + " is not an AgentLens database");
        }
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
    }
    SchemaCheck check = SchemaCheck.inspect(ds, "sqlite");
    if (!check.usable()) {
      throw new IllegalArgumentException(
          file
              + " is at a schema this build does not know (current "
              + check.current()
              + ", unknown "
              + check.unknown()
              + ", failed "
              + check.failed()
              + "); use the AgentLens version that wrote it");
    }
    return check.current();
  }

  private static SQLiteDataSource dataSource(Path file, boolean readOnly) {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(readOnly);
    cfg.setBusyTimeout(5000);
    SQLiteDataSource ds = new SQLiteDataSource(cfg);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }
}
