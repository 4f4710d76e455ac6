package ai.agentlens.storage.sqlite;

import ai.agentlens.storage.spi.StorageProvider.SessionIndexStats;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.SessionEvents;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps {@code event_sessions}, the index that finds a session's events, close behind the events
 * table: every {@code interval} it queues a unit on the writer that indexes the events stored since
 * the last one ({@link SessionEvents#indexStored}), at most {@link #MAX_ROWS} at a time, and queues
 * the next one at once while more wait.
 *
 * <p>why: indexed in the commit that stored them, events spread over thousands of sessions put
 * about one page per event into every commit; indexed a second's worth at a time and sorted, each
 * session's leaf is written once per run. A unit like any other, not a background one: under a
 * steady load background units get a small share of the writer, and the index must keep up with
 * every event stored.
 */
final class SqliteSessionIndexer implements AutoCloseable {

  /** The most rowids one unit takes, so that it holds the writer for well under a second. */
  static final long MAX_ROWS = 50_000;

  private final Transactor tx;
  private final Sql sql;
  private final PeriodicTask task;
  private final LongAdder runs = new LongAdder();
  private final LongAdder indexed = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();

  /**
   * Starts indexing.
   *
   * @param tx the transactor whose writer runs the units
   * @param sql the SQL helper
   * @param interval how long to wait between runs once the index has caught up
   */
  SqliteSessionIndexer(Transactor tx, Sql sql, Duration interval) {
    this.tx = tx;
    this.sql = sql;
    // why: nothing is lost while a run fails (reads take the unindexed rows by their rowid
    // range); it is retried at the next interval
    this.task = new PeriodicTask("sqlite-session-indexer", interval, this::catchUp);
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
    long[] took = new long[1];
    long n =
        tx.write(
            Scope.NONE,
            c -> {
              long start = System.nanoTime();
              int rows = SessionEvents.indexStored(sql, c, MAX_ROWS);
              took[0] = System.nanoTime() - start;
              return rows;
            });
    // why: counted once committed; a run that failed indexed nothing
    if (n > 0) {
      runs.increment();
      indexed.add(n);
      busyNanos.add(took[0]);
    }
    return n;
  }

  /**
   * Returns the index's totals since start and the events waiting for it now (two one-row reads on
   * a read connection).
   *
   * @return the reading, or empty when the read failed (the store is closing)
   */
  Optional<SessionIndexStats> stats() {
    try {
      long waiting =
          tx.read(
              Scope.NONE,
              c ->
                  sql.one(
                          c,
                          "select max(0, coalesce((select max(rowid) from events), 0)"
                              + " - (select indexed_to from event_sessions_mark))",
                          rs -> rs.getLong(1))
                      .orElse(0L));
      return Optional.of(
          new SessionIndexStats(waiting, runs.sum(), indexed.sum(), busyNanos.sum()));
    } catch (RuntimeException e) {
      // why: a gauge read at scrape time must not fail the scrape
      return Optional.empty();
    }
  }

  // One run, and the next at once while a full one says more are waiting.
  private void catchUp() {
    while (indexOnce() == MAX_ROWS) {
      // more are waiting; a closing writer fails the call and ends the loop
    }
  }

  /** Stops the thread; a run in progress finishes (or fails with the closing writer). */
  @Override
  public void close() {
    task.close();
  }
}
