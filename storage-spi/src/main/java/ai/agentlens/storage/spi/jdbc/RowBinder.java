package ai.agentlens.storage.spi.jdbc;

import java.sql.SQLException;

/**
 * Binds one typed row to the placeholders of a batched statement, in placeholder order.
 *
 * @param <T> the row type
 */
@FunctionalInterface
public interface RowBinder<T> {

  /**
   * Binds the row.
   *
   * @param p the parameter cursor, at the first placeholder
   * @param row the row
   * @throws SQLException from the driver
   */
  void bind(Params p, T row) throws SQLException;
}
