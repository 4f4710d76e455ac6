package ai.agentlens.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one group of {@link WriterUnit}s in one transaction on the write connection and commits
 * once. A unit that fails is rolled back alone: the transaction's first unit by rolling the
 * transaction back, every later unit to a savepoint of its own. Units complete only after the
 * commit, with their results, or with the commit's failure. Used by the writer thread only.
 */
final class GroupCommit {

  private final Connection connection;
  private final WriterTotals totals;
  private long backgroundRanNanos;

  /**
   * Creates the runner.
   *
   * @param connection the write connection, not in auto-commit mode
   * @param totals where each group's times are added
   */
  GroupCommit(Connection connection, WriterTotals totals) {
    this.connection = connection;
    this.totals = totals;
  }

  /**
   * How long the last background unit this runner ran took.
   *
   * @return nanoseconds, 0 before the first one
   */
  long backgroundRanNanos() {
    return backgroundRanNanos;
  }

  /**
   * Runs the units in order in one transaction, commits, and completes them.
   *
   * @param group the units, not empty
   */
  void run(List<WriterUnit<?>> group) {
    long start = System.nanoTime();
    long waited = 0;
    for (WriterUnit<?> u : group) {
      waited += start - u.queuedAt;
    }
    List<WriterUnit<?>> ok = new ArrayList<>();
    for (WriterUnit<?> u : group) {
      if (run(u, ok.isEmpty())) {
        ok.add(u);
      }
    }
    long commitStart = System.nanoTime();
    SQLException failed = null;
    try {
      connection.commit();
    } catch (SQLException e) {
      rollback(connection, e);
      failed = e;
    }
    long end = System.nanoTime();
    // why: counted before the units complete, so a caller that sees its write done sees it counted
    totals.addGroup(group.size(), waited, start, commitStart, end);
    if (failed == null) {
      ok.forEach(WriterUnit::complete);
    } else {
      SQLException e = failed;
      ok.forEach(u -> u.done.completeExceptionally(e));
    }
  }

  // Runs a unit; the first of a transaction (nothing else in it yet) without a savepoint, since
  // rolling the transaction back undoes that unit alone.
  // why: a savepoint copies every page its unit changes into the statement journal (1 KiB malloc'd
  // chunks); at half rate most groups hold one unit, and the copies cost 4-11 % of the writer's CPU
  private boolean run(WriterUnit<?> u, boolean first) {
    Savepoint sp = null;
    try {
      sp = first ? null : connection.setSavepoint();
      long start = System.nanoTime();
      u.run(connection);
      if (u.background) {
        backgroundRanNanos = System.nanoTime() - start;
        totals.addBackground(backgroundRanNanos);
      }
      if (sp != null) {
        connection.releaseSavepoint(sp);
      }
      return true;
    } catch (Throwable t) {
      if (first) {
        rollback(connection, t);
      } else {
        undo(sp);
      }
      u.done.completeExceptionally(t);
      return false;
    }
  }

  /**
   * Rolls a connection's transaction back; a failure to do so is added to {@code cause}.
   *
   * @param c the connection
   * @param cause what made the rollback necessary
   */
  static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  private void undo(Savepoint sp) {
    if (sp == null) {
      return;
    }
    try {
      connection.rollback(sp);
      connection.releaseSavepoint(sp);
    } catch (SQLException e) {
      // why: a failed rollback-to-savepoint leaves the outer transaction usable or fails its commit
      System.getLogger(GroupCommit.class.getName())
          .log(System.Logger.Level.WARNING, "rollback to savepoint failed", e);
    }
  }
}
