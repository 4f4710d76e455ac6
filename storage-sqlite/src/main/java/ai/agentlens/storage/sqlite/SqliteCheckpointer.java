package ai.agentlens.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Copies the write-ahead log into the database file on a thread of its own, so the single writer
 * does not. Every {@code interval} it runs a {@code PASSIVE} checkpoint on its own connection: one
 * that never blocks the writer or a reader and copies whatever frames no reader still needs. The
 * writer keeps SQLite's automatic checkpoint, at {@link #WRITER_AUTOCHECKPOINT_PAGES}, only as a
 * bound on the log's size should this thread fall behind; the frames this thread copied are not
 * copied again.
 *
 * <p>why: with the checkpoint on the writer (SQLite's default, every 1,000 pages), each commit that
 * crossed the threshold also read back its frames and wrote them to the database file before the
 * writer could take the next group: half of the writer's file I/O at saturation, and most of a
 * small group's commit time.
 */
final class SqliteCheckpointer implements AutoCloseable {

  /** The writer's own automatic checkpoint threshold, in pages (4 KiB): 64 MiB of log. */
  static final int WRITER_AUTOCHECKPOINT_PAGES = 16_384;

  private final Connection connection;
  private final PeriodicTask task;

  /**
   * Starts checkpointing.
   *
   * @param connection a connection of its own to the database (closed with this)
   * @param interval how long to wait between checkpoints
   */
  SqliteCheckpointer(Connection connection, Duration interval) {
    this.connection = connection;
    // why: a failed checkpoint loses nothing (the frames stay in the log and the writer's own
    // checkpoint bounds it); it is retried at the next interval
    this.task = new PeriodicTask("sqlite-checkpointer", interval, this::checkpoint);
  }

  private synchronized void checkpoint() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("pragma wal_checkpoint(PASSIVE)");
    }
  }

  /**
   * Tells whether the checkpoint thread still runs (for tests).
   *
   * @return whether it runs
   */
  boolean running() {
    return task.running();
  }

  /** Stops the thread and closes its connection. */
  @Override
  public void close() {
    task.close();
    synchronized (this) {
      try {
        connection.close();
      } catch (SQLException e) {
        // why: closing at shutdown; nothing useful to do with the failure
      }
    }
  }
}
