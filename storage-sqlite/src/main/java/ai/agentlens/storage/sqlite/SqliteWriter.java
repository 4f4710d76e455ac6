package ai.agentlens.storage.sqlite;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.spi.jdbc.SqlWork;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * SQLite's one writer: a thread that owns the write connection, takes every waiting unit and runs
 * them in one transaction with one commit ({@link GroupCommit}). Background units run alone once
 * the queue has stayed empty a few milliseconds, or join the front of a group once they have waited
 * {@link Transactor#BACKGROUND_MAX_WAIT}, within a share of the writer's time ({@link
 * BackgroundTurns}).
 */
final class SqliteWriter implements AutoCloseable {

  private static final int MAX_GROUP = 256;

  // why: the writer's inserts land at random in the (org_id, id) and session indexes; SQLite's
  // 2 MiB default page cache re-read those pages from the OS on almost every insert
  private static final int WRITER_CACHE_KIB = 64 * 1024;

  private final Connection connection;
  private final LinkedBlockingQueue<WriterUnit<?>> queue = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<WriterUnit<?>> background = new ConcurrentLinkedQueue<>();
  // why: queued once per background unit, so a writer blocked on an empty queue wakes for it
  private final WriterUnit<?> wake = new WriterUnit<>(c -> null, false);
  private final Thread thread;
  private volatile boolean closed;
  private final WriterTotals totals = new WriterTotals();
  private final BackgroundTurns turns;
  private final GroupCommit groups;

  /**
   * Sets the write connection up and starts the writer thread.
   *
   * @param connection the write connection, owned (and closed) by this writer from now on
   * @throws SQLException when a pragma fails
   */
  SqliteWriter(Connection connection) throws SQLException {
    this(connection, BackgroundTurns.IDLE);
  }

  /**
   * Sets the write connection up and starts the writer thread, with a background unit's wait for an
   * idle writer other than {@link BackgroundTurns#IDLE} (tests).
   *
   * @param connection the write connection, owned (and closed) by this writer from now on
   * @param idleBeforeBackground how long the queue must stay empty before a background unit runs
   *     alone
   * @throws SQLException when a pragma fails
   */
  SqliteWriter(Connection connection, java.time.Duration idleBeforeBackground) throws SQLException {
    this.connection = connection;
    this.turns = new BackgroundTurns(idleBeforeBackground);
    this.groups = new GroupCommit(connection, totals);
    try (var st = connection.createStatement()) {
      st.execute("pragma cache_size = -" + WRITER_CACHE_KIB);
      // why: a savepoint's journal (the pages its unit changed, as they were) spilled to a temp
      // file past 64 KiB: ~25,000 temp-file writes per 10 s at saturation
      st.execute("pragma temp_store = memory");
      st.execute("pragma wal_autocheckpoint = " + SqliteCheckpointer.WRITER_AUTOCHECKPOINT_PAGES);
    }
    connection.setAutoCommit(false);
    this.thread = new Thread(this::loop, "sqlite-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a unit.
   *
   * @param work the work
   * @param <T> its result
   * @return completes with the result after the commit, or with the unit's or the commit's failure
   * @throws IllegalStateException when called on the writer thread (a nested write)
   * @throws StorageUnavailableException when the writer is closed
   */
  <T> CompletableFuture<T> submit(SqlWork<T> work) {
    WriterUnit<T> unit = newUnit(work, false);
    queue.add(unit);
    return unit.done;
  }

  /**
   * Queues a unit at background priority; same contract as {@link #submit}.
   *
   * @param work the work
   * @param <T> its result
   * @return completes after the commit
   */
  <T> CompletableFuture<T> submitInBackground(SqlWork<T> work) {
    WriterUnit<T> unit = newUnit(work, true);
    background.add(unit);
    queue.add(wake);
    return unit.done;
  }

  /**
   * Whether {@link #close} was called.
   *
   * @return true once closing
   */
  boolean closed() {
    return closed;
  }

  /**
   * Counts the background units not yet taken (for tests).
   *
   * @return the number
   */
  int backgroundWaiting() {
    return background.size();
  }

  /**
   * Counts the writes queued and not yet taken (for tests).
   *
   * @return the number
   */
  int writesWaiting() {
    return queue.size();
  }

  private <T> WriterUnit<T> newUnit(SqlWork<T> work, boolean background) {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException("nested write on the writer thread");
    }
    if (closed) {
      throw new StorageUnavailableException("SQLite store is closed", null);
    }
    return new WriterUnit<>(work, background);
  }

  private void loop() {
    List<WriterUnit<?>> group = new ArrayList<>();
    while (true) {
      group.clear();
      WriterUnit<?> next;
      try {
        // why: the writer must not block on the queue while a background unit waits (four
        // loaders hung there); it runs one once the queue stayed empty for idleBeforeBackground
        next =
            background.isEmpty()
                ? queue.take()
                : queue.poll(turns.idleNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next != null) {
        group.add(next);
        queue.drainTo(group, MAX_GROUP - 1);
        group.removeIf(u -> u == wake);
      }
      WriterUnit<?> oldest = background.peek();
      boolean first = oldest != null && !group.isEmpty() && turns.mayGoFirst(oldest.queuedAt);
      if (oldest != null && (next == null || first)) {
        group.add(0, background.poll());
      }
      if (!group.isEmpty()) {
        groups.run(group);
      }
      if (first) {
        turns.wentFirst(groups.backgroundRanNanos());
      }
      if (closed && queue.isEmpty()) {
        failBackground();
        return;
      }
    }
  }

  private void failBackground() {
    for (WriterUnit<?> u; (u = background.poll()) != null; ) {
      u.done.completeExceptionally(new StorageUnavailableException("SQLite store is closed", null));
    }
  }

  /**
   * Returns the writer's totals since start.
   *
   * @return the totals, with the units waiting now
   */
  StorageProvider.WriterStats stats() {
    return totals.snapshot((int) queue.stream().filter(u -> u != wake).count() + background.size());
  }

  /** Refuses new units, runs what is queued, fails waiting background units, closes. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(new WriterUnit<>(c -> null, false));
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // why: closing at shutdown; nothing useful to do with the failure
    }
  }
}
