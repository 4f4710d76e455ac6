package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.SessionEvents;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.time.Duration;

/**
 * Keeps {@code event_sessions}, the index that finds a session's events, close behind the events
 * table: every {@code interval} it queues a background unit on the writer that indexes the events
 * stored since the last one ({@link SessionEvents#indexStored}), at most {@link #MAX_ROWS} at a
 * time, and queues the next one at once while more wait.
 *
 * <p>why: indexed in the commit that stored them, events spread over thousands of sessions put
 * about one page per event into every commit; indexed a second's worth at a time and sorted, each
 * session's leaf is written once per run.
 */
final class SqliteSessionIndexer implements AutoCloseable {

  /** The most rowids one unit takes, so that it holds the writer for well under a second. */
  static final long MAX_ROWS = 50_000;

  private static final System.Logger LOG = System.getLogger(SqliteSessionIndexer.class.getName());

  private final Transactor tx;
  private final Sql sql;
  private final long intervalMillis;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts indexing.
   *
   * @param tx the transactor whose writer runs the units
   * @param sql the SQL helper
   * @param interval how long to wait between runs once the index has caught up
   */
  SqliteSessionIndexer(Transactor tx, Sql sql, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.tx = tx;
    this.sql = sql;
    this.intervalMillis = interval.toMillis();
    this.thread = new Thread(this::loop, "sqlite-session-indexer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Indexes every event stored so far, now, on the caller's thread (for tests and tools).
   *
   * @return the number of events given entries
   */
  long indexAll() {
    long n = 0;
    for (long run; (run = indexOnce()) > 0; ) {
      n += run;
    }
    return n;
  }

  private long indexOnce() {
    return tx.writeInBackground(Scope.NONE, c -> SessionEvents.indexStored(sql, c, MAX_ROWS));
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(intervalMillis);
        while (!closed && indexOnce() == MAX_ROWS) {
          // more are waiting: take the next run at once
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // why: nothing is lost while this fails (reads take the unindexed rows by their rowid
        // range); it is retried at the next interval
        if (!closed) {
          LOG.log(System.Logger.Level.WARNING, "session index run failed: " + e.getMessage());
        }
      }
    }
  }

  /** Stops the thread; a run in progress finishes (or fails with the closing writer). */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
