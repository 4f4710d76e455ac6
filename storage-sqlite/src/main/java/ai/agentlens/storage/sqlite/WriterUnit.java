package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.jdbc.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * One unit of work queued on the {@link SqliteWriter}: what to run, when it was queued, whether it
 * is a background unit, and the future its caller waits on. Run and completed on the writer thread
 * only.
 *
 * @param <T> the unit's result
 */
final class WriterUnit<T> {

  final SqlWork<T> work;
  final CompletableFuture<T> done = new CompletableFuture<>();
  final long queuedAt = System.nanoTime();
  final boolean background;
  private T result;

  /**
   * Creates a unit, stamped with the time it was queued.
   *
   * @param work the work
   * @param background whether it runs at background priority
   */
  WriterUnit(SqlWork<T> work, boolean background) {
    this.work = work;
    this.background = background;
  }

  /**
   * Runs the work and keeps its result until {@link #complete}.
   *
   * @param c the write connection, inside the group's transaction
   * @throws SQLException from the work
   */
  void run(Connection c) throws SQLException {
    result = work.run(c);
  }

  /** Completes the caller's future with the result kept by {@link #run} (after the commit). */
  void complete() {
    done.complete(result);
  }
}
