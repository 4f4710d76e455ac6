package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.storage.spi.jdbc.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The log reaches the database file through the checkpoint thread, not the writer. */
class SqliteCheckpointerTest {

  @TempDir Path dir;

  private SqliteTransactor open(SQLiteDataSource ds) throws SQLException {
    return new SqliteTransactor(
        new SqliteDialect(),
        () -> {
          try {
            return ds.getConnection();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        },
        1);
  }

  @Test
  void committedPagesReachTheDatabaseFileWithoutTheWriterCheckpointing() throws Exception {
    Path file = dir.resolve("c.db");
    SqliteTransactor tx = open(SqliteStorageProvider.dataSource(file));
    try {
      // ~2 MiB of log: far below the writer's own threshold (64 MiB), so only the checkpoint
      // thread can copy it into the database file
      tx.write(
          Scope.NONE,
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute("create table t (x blob)");
              s.execute(
                  "with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000)"
                      + " insert into t select randomblob(1024) from n");
            }
            return null;
          });
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (Files.size(file) < 2_000_000 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.size(file))
          .as("database file after the checkpoint")
          .isGreaterThan(2_000_000);
      // the writer's own settings: a checkpoint only as a bound, savepoint journals in memory
      Integer bound = tx.write(Scope.NONE, c -> pragma(c, "wal_autocheckpoint"));
      assertThat(bound).isEqualTo(SqliteCheckpointer.WRITER_AUTOCHECKPOINT_PAGES);
      Integer tempStore = tx.write(Scope.NONE, c -> pragma(c, "temp_store"));
      assertThat(tempStore).as("temp_store (2 = memory)").isEqualTo(2);
    } finally {
      tx.close();
    }
  }

  private static int pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("pragma " + name)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void closeStopsTheThreadAndClosesItsConnection() throws Exception {
    Connection c = SqliteStorageProvider.dataSource(dir.resolve("d.db")).getConnection();
    SqliteCheckpointer checkpointer = new SqliteCheckpointer(c, Duration.ofMillis(10));
    assertThat(checkpointer.running()).isTrue();
    checkpointer.close();
    assertThat(checkpointer.running()).isFalse();
    assertThat(c.isClosed()).isTrue();
  }
}
