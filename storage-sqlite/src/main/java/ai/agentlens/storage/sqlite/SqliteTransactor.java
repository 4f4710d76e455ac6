package ai.agentlens.storage.sqlite;

import ai.agentlens.core.error.StorageException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.storage.spi.jdbc.Dialect;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.SqlWork;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * One writer thread, many readers. Writers hand their work to the writer thread, which takes every
 * waiting unit, runs them in one transaction and commits once (group commit); a unit that fails is
 * rolled back alone (every unit after the transaction's first runs in a savepoint of its own).
 * Callers return after the commit. Background units ({@link #writeInBackground}) run alone when no
 * other unit waits, or join the front of a group once they have waited {@link
 * #BACKGROUND_MAX_WAIT}. Readers borrow one of a fixed set of connections and read in a transaction
 * (one WAL snapshot).
 */
final class SqliteTransactor implements Transactor {

  private static final int MAX_GROUP = 256;
  // why: the writer's inserts land at random in the (org_id, id) and session indexes; SQLite's
  // 2 MiB default page cache re-read those pages from the OS on almost every insert
  private static final int WRITER_CACHE_KIB = 64 * 1024;
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(200);

  private final Dialect dialect;
  private final Connection writeConnection;
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders;
  private final LinkedBlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Unit<?>> background = new ConcurrentLinkedQueue<>();
  // why: queued once per background unit, so a writer blocked on an empty queue wakes for it
  private final Unit<?> wake = new Unit<>(c -> null);
  private final Thread writer;
  private final SqliteCheckpointer checkpointer;
  private volatile boolean closed;

  SqliteTransactor(Dialect dialect, Supplier<Connection> open, int readerCount)
      throws SQLException {
    this.dialect = dialect;
    this.writeConnection = open.get();
    try (var st = writeConnection.createStatement()) {
      st.execute("pragma cache_size = -" + WRITER_CACHE_KIB);
      // why: each unit runs in a savepoint, whose journal (the pages it changed, as they were)
      // spilled to a temp file past 64 KiB: ~25,000 temp-file writes per 10 s at saturation
      st.execute("pragma temp_store = memory");
      st.execute("pragma wal_autocheckpoint = " + SqliteCheckpointer.WRITER_AUTOCHECKPOINT_PAGES);
    }
    writeConnection.setAutoCommit(false);
    this.allReaders = new ArrayList<>();
    this.readers = new ArrayBlockingQueue<>(readerCount);
    for (int i = 0; i < readerCount; i++) {
      Connection r = open.get();
      r.setAutoCommit(false);
      allReaders.add(r);
      readers.add(r);
    }
    this.checkpointer = new SqliteCheckpointer(open.get(), CHECKPOINT_INTERVAL);
    this.writer = new Thread(this::writeLoop, "sqlite-writer");
    writer.setDaemon(true);
    writer.start();
  }

  private static final class Unit<T> {
    final SqlWork<T> work;
    final CompletableFuture<T> done = new CompletableFuture<>();
    final long queuedAt = System.nanoTime();
    T result;

    Unit(SqlWork<T> work) {
      this.work = work;
    }

    void run(Connection c) throws SQLException {
      result = work.run(c);
    }

    void complete() {
      done.complete(result);
    }
  }

  @Override
  public <T> T write(Scope scope, SqlWork<T> work) {
    Unit<T> unit = newWrite(work);
    queue.add(unit);
    return await(unit);
  }

  @Override
  public <T> T writeInBackground(Scope scope, SqlWork<T> work) {
    Unit<T> unit = newWrite(work);
    background.add(unit);
    queue.add(wake);
    return await(unit);
  }

  /**
   * Counts the background units not yet taken by the writer (for tests).
   *
   * @return the number
   */
  int backgroundWaiting() {
    return background.size();
  }

  /**
   * Counts the writes queued and not yet taken by the writer (for tests).
   *
   * @return the number
   */
  int writesWaiting() {
    return queue.size();
  }

  private <T> Unit<T> newWrite(SqlWork<T> work) {
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException("nested write on the writer thread");
    }
    if (closed) {
      throw new StorageUnavailableException("SQLite store is closed", null);
    }
    return new Unit<>(work);
  }

  private <T> T await(Unit<T> unit) {
    try {
      return unit.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while writing", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private void writeLoop() {
    List<Unit<?>> group = new ArrayList<>();
    while (true) {
      group.clear();
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(group, MAX_GROUP - 1);
      group.removeIf(u -> u == wake);
      Unit<?> oldest = background.peek();
      if (oldest != null
          && (group.isEmpty()
              || System.nanoTime() - oldest.queuedAt > BACKGROUND_MAX_WAIT.toNanos())) {
        group.add(0, background.poll());
      }
      if (!group.isEmpty()) {
        runGroup(group);
      }
      // why: the drain above may have taken the wakes of several background units; the writer
      // must not block on the queue while any of them waits (four loaders hung there)
      while (queue.isEmpty() && (oldest = background.poll()) != null) {
        runGroup(List.of(oldest));
      }
      if (closed && queue.isEmpty()) {
        failBackground();
        return;
      }
    }
  }

  private void failBackground() {
    for (Unit<?> u; (u = background.poll()) != null; ) {
      u.done.completeExceptionally(new StorageUnavailableException("SQLite store is closed", null));
    }
  }

  private void runGroup(List<Unit<?>> group) {
    List<Unit<?>> ok = new ArrayList<>();
    for (Unit<?> u : group) {
      if (run(u, ok.isEmpty())) {
        ok.add(u);
      }
    }
    try {
      writeConnection.commit();
      ok.forEach(Unit::complete);
    } catch (SQLException e) {
      rollback(e);
      ok.forEach(u -> u.done.completeExceptionally(e));
    }
  }

  // Runs a unit; the first of a transaction (nothing else in it yet) without a savepoint, since
  // rolling the transaction back undoes that unit alone.
  // why: a savepoint copies every page its unit changes into the statement journal (1 KiB malloc'd
  // chunks); at half rate most groups hold one unit, and the copies cost 4-11 % of the writer's CPU
  private boolean run(Unit<?> u, boolean first) {
    Savepoint sp = null;
    try {
      sp = first ? null : writeConnection.setSavepoint();
      u.run(writeConnection);
      if (sp != null) {
        writeConnection.releaseSavepoint(sp);
      }
      return true;
    } catch (Throwable t) {
      if (first) {
        rollback(t);
      } else {
        undo(sp);
      }
      u.done.completeExceptionally(t);
      return false;
    }
  }

  private void rollback(Throwable cause) {
    try {
      writeConnection.rollback();
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  private void undo(Savepoint sp) {
    if (sp == null) {
      return;
    }
    try {
      writeConnection.rollback(sp);
      writeConnection.releaseSavepoint(sp);
    } catch (SQLException e) {
      // why: a failed rollback-to-savepoint leaves the outer transaction usable or fails its commit
      System.getLogger(SqliteTransactor.class.getName())
          .log(System.Logger.Level.WARNING, "rollback to savepoint failed", e);
    }
  }

  @Override
  public <T> T read(Scope scope, SqlWork<T> work) {
    if (closed) {
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
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        t.addSuppressed(suppressed);
      }
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
    if (closed) {
      return;
    }
    closed = true;
    queue.add(new Unit<>(c -> null));
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checkpointer.close();
    closeQuietly(writeConnection);
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
