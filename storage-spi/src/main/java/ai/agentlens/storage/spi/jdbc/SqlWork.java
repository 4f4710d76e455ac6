package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of work on a connection inside a transaction.
 *
 * @param <T> its result
 */
@FunctionalInterface
public interface SqlWork<T> {

  /**
   * Runs the work. Must not commit, roll back or close the connection.
   *
   * @param c the connection, in a transaction with the requested scope set
   * @return the result
   * @throws SQLException translated by the transactor into a storage error
   */
  T run(Connection c) throws SQLException;
}
