package ai.agentlens.web.observe;

import java.util.Optional;

/**
 * The storage's single writer as metrics see it. A launcher whose storage writes through one thread
 * registers one bean (app-selfhosted: SQLite's group-commit writer); without one, no writer meters
 * are published.
 */
public interface DatabaseWriter {

  /**
   * Returns the writer's totals since start. Cheap (no I/O); must not throw.
   *
   * @return the totals, or empty when the writer is closed
   */
  Optional<Totals> totals();

  /**
   * One reading: totals since start, and the units waiting now.
   *
   * @param commits groups committed (each a transaction of one or more units)
   * @param units units of work run in them
   * @param busySeconds time spent running groups, their commits included
   * @param commitSeconds time spent in the commits alone
   * @param unitWaitSeconds summed over the units: time from being queued to the start of their
   *     group
   * @param backgroundSeconds time spent running background units (work that yields to ingest: the
   *     LLM request log's runs), their commits not included
   * @param waiting units queued now and not yet taken
   */
  record Totals(
      long commits,
      long units,
      double busySeconds,
      double commitSeconds,
      double unitWaitSeconds,
      double backgroundSeconds,
      int waiting) {}
}
