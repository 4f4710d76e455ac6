package ai.agentlens.storage.spi.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Binds one row's parameters of a prepared statement in order, by type, without boxing them into an
 * argument array. A cursor: each call binds the next placeholder. Obtained from {@link Sql#batch};
 * not thread-safe, valid only inside the {@link RowBinder} call it is passed to.
 */
public final class Params {

  private final PreparedStatement ps;
  private final Dialect dialect;
  private int index;

  Params(PreparedStatement ps, Dialect dialect) {
    this.ps = ps;
    this.dialect = dialect;
  }

  /** Starts the next row at the first placeholder. */
  void reset() {
    index = 0;
  }

  /**
   * Binds text, or a text NULL.
   *
   * @param value the text, or {@code null}
   * @return this cursor
   * @throws SQLException from the driver
   */
  public Params text(String value) throws SQLException {
    if (value == null) {
      ps.setNull(++index, Types.VARCHAR);
    } else {
      ps.setString(++index, value);
    }
    return this;
  }

  /**
   * Binds a 64-bit integer.
   *
   * @param value the number
   * @return this cursor
   * @throws SQLException from the driver
   */
  public Params int64(long value) throws SQLException {
    ps.setLong(++index, value);
    return this;
  }

  /**
   * Binds a double.
   *
   * @param value the number
   * @return this cursor
   * @throws SQLException from the driver
   */
  public Params real(double value) throws SQLException {
    ps.setDouble(++index, value);
    return this;
  }

  /**
   * Binds an instant through the dialect, or a typed NULL.
   *
   * @param value the instant, or {@code null}
   * @return this cursor
   * @throws SQLException from the driver
   */
  public Params instant(Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(++index, dialect.instantSqlType());
    } else {
      dialect.setInstant(ps, ++index, value);
    }
    return this;
  }

  /**
   * Binds bytes (a BLOB on SQLite, {@code bytea} on PostgreSQL).
   *
   * @param value the bytes, not {@code null}
   * @return this cursor
   * @throws SQLException from the driver
   */
  public Params bytes(byte[] value) throws SQLException {
    ps.setBytes(++index, value);
    return this;
  }
}
