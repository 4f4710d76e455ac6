package ai.agentlens.web.observe;

import java.util.Optional;

/**
 * The database connection pool as metrics see it. A launcher whose storage has a pool registers one
 * bean (app-cloud: HikariCP); without one, no pool gauges are published.
 */
public interface DatabasePool {

  /**
   * Returns the pool's counts now. Cheap (no I/O); must not throw.
   *
   * @return the counts, or empty when the pool is closed
   */
  Optional<Counts> counts();

  /**
   * One reading.
   *
   * @param active connections in use
   * @param idle connections open and free
   * @param max the maximum size
   * @param waiting threads waiting for a connection
   */
  record Counts(int active, int idle, int max, int waiting) {}
}
