package ai.agentlens.storage.spi.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The few SQL differences between backends that the shared stores must know about. Everything else
 * (ON CONFLICT, RETURNING, IN lists, LIMIT/OFFSET) is written once in portable SQL.
 */
public interface Dialect {

  /**
   * Binds an instant (never {@code null}).
   *
   * @param ps the statement
   * @param index the parameter index
   * @param value the instant
   * @throws SQLException from the driver
   */
  void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException;

  /**
   * Reads an instant column.
   *
   * @param rs the row
   * @param column the column label
   * @return the instant, or {@code null} for SQL NULL
   * @throws SQLException from the driver
   */
  Instant getInstant(ResultSet rs, String column) throws SQLException;

  /**
   * Returns the SQL type name of instant columns, for typed NULL binding.
   *
   * @return a {@link java.sql.Types} constant
   */
  int instantSqlType();

  /**
   * Wraps a parameter placeholder that carries JSON text, e.g. {@code cast(? as jsonb)}.
   *
   * @return the placeholder expression
   */
  String jsonParam();

  /**
   * Returns the clause that row-locks what a SELECT read until commit, or an empty string where a
   * single writer makes locks unnecessary.
   *
   * @return e.g. {@code " for update"}
   */
  String forUpdate();

  /**
   * Returns the scalar function that picks the larger of two values ({@code greatest}/{@code max}).
   *
   * @return the function name
   */
  String greatest();

  /**
   * Returns the scalar function that picks the smaller of two values ({@code least}/{@code min}).
   *
   * @return the function name
   */
  String least();

  /**
   * Returns how this backend's exceptions are translated.
   *
   * @return the translator
   */
  SqlErrorTranslator errors();
}
