package ai.agentlens.web.observe;

import java.util.Optional;

/**
 * A session index the storage keeps behind the commit, as metrics see it. A launcher whose storage
 * has one registers one bean (app-selfhosted: SQLite's {@code event_sessions}, brought up to date
 * every second on the writer); without one, no session-index meters are published.
 */
public interface DeferredSessionIndex {

  /**
   * Returns the index's totals since start and its lag now. Reads the database; must not throw.
   *
   * @return the reading, or empty when it could not be taken (the store is closing)
   */
  Optional<Reading> reading();

  /**
   * One reading.
   *
   * @param waiting events stored and not yet indexed (reads by session scan them by rowid)
   * @param runs index runs committed
   * @param indexed events given entries by those runs
   * @param busySeconds the writer's time in those runs, their commits not included
   */
  record Reading(long waiting, long runs, long indexed, double busySeconds) {}
}
