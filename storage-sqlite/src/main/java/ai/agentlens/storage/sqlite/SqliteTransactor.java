package ai.agentlens.storage.sqlite;

import ai.agentlens.core.error.StorageException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.storage.spi.jdbc.Dialect;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.SqlWork;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One writer thread, many readers. Writes go to the {@link SqliteWriter} (group commit on one
 * thread; a unit that fails is rolled back alone) and callers return after the commit. Background
 * units ({@link #writeInBackground}) run alone once no other unit has come for a few milliseconds,
 * or join the front of a group once they have waited {@link #BACKGROUND_MAX_WAIT}, within a share
 * of the writer's time (see {@link SqliteWriter}). Readers borrow one of a fixed set of connections
 * and read in a transaction (one WAL snapshot). A {@link SqliteCheckpointer} copies the WAL into
 * the database on a connection of its own.
 */
final class SqliteTransactor implements Transactor {

  private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(200);

  private final Dialect dialect;
  private final SqliteWriter writer;
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders;
  private final SqliteCheckpointer checkpointer;

  SqliteTransactor(Dialect dialect, Supplier<Connection> open, int readerCount)
      throws SQLException {
    this.dialect = dialect;
    this.writer = new SqliteWriter(open.get());
    this.allReaders = new ArrayList<>();
    this.readers = new ArrayBlockingQueue<>(readerCount);
    for (int i = 0; i < readerCount; i++) {
      Connection r = open.get();
      r.setAutoCommit(false);
      allReaders.add(r);
      readers.add(r);
    }
    this.checkpointer = new SqliteCheckpointer(open.get(), CHECKPOINT_INTERVAL);
  }

  @Override
  public <T> T write(Scope scope, SqlWork<T> work) {
    return await(writer.submit(work));
  }

  @Override
  public <T> T writeInBackground(Scope scope, SqlWork<T> work) {
    return await(writer.submitInBackground(work));
  }

  /**
   * Returns the writer's totals since start (for metrics).
   *
   * @return the totals
   */
  ai.agentlens.storage.spi.StorageProvider.WriterStats writerStats() {
    return writer.stats();
  }

  /**
   * Counts the background units not yet taken by the writer (for tests).
   *
   * @return the number
   */
  int backgroundWaiting() {
    return writer.backgroundWaiting();
  }

  /**
   * Counts the writes queued and not yet taken by the writer (for tests).
   *
   * @return the number
   */
  int writesWaiting() {
    return writer.writesWaiting();
  }

  private <T> T await(CompletableFuture<T> done) {
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while writing", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  @Override
  public <T> T read(Scope scope, SqlWork<T> work) {
    if (writer.closed()) {
      throw new StorageUnavailableException("SQLite store is closed", null);
    }
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while waiting for a reader", e);
    }
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (Throwable t) {
      GroupCommit.rollback(c, t);
      throw rethrow(t);
    } finally {
      readers.add(c);
    }
  }

  @Override
  public void rescope(Connection c, Scope scope) {
    // why: SQLite has no row-level security; every query filters by org itself
  }

  private RuntimeException rethrow(Throwable t) {
    if (t instanceof StorageException se) {
      return se;
    }
    if (t instanceof SQLException sql) {
      return dialect.errors().translate(sql);
    }
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new StorageUnavailableException("write failed: " + t, t);
  }

  @Override
  public void close() {
    if (writer.closed()) {
      return;
    }
    writer.close();
    checkpointer.close();
    allReaders.forEach(SqliteTransactor::closeQuietly);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // why: closing at shutdown; nothing useful to do with the failure
    }
  }
}
