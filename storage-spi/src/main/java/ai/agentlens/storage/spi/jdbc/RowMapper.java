package ai.agentlens.storage.spi.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set.
 *
 * @param <T> the mapped type
 */
@FunctionalInterface
public interface RowMapper<T> {

  /**
   * Maps the current row.
   *
   * @param rs the result set, positioned on a row
   * @return the mapped value
   * @throws SQLException from the driver
   */
  T map(ResultSet rs) throws SQLException;
}
