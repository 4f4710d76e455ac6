package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Parameterized SQL execution (FR-42: values are always bound, never spliced into SQL text).
 * Arguments are bound by their Java type: String, Long, Integer, Double, Boolean, {@link Instant}
 * (through the {@link Dialect}), {@code byte[]} (a BLOB / bytea), {@link Null} for a typed NULL.
 */
public final class Sql {

  /** A typed SQL NULL argument. */
  public enum Null {
    /** NULL text. */
    TEXT,
    /** NULL instant. */
    INSTANT,
    /** NULL integer. */
    INTEGER
  }

  private final Dialect dialect;

  /**
   * Creates the helper.
   *
   * @param dialect the backend dialect
   */
  public Sql(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Returns the dialect.
   *
   * @return the dialect
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs a query and maps every row.
   *
   * @param c the connection
   * @param sql the SQL with {@code ?} placeholders
   * @param mapper the row mapper
   * @param args the arguments
   * @param <T> the row type
   * @return the rows
   * @throws SQLException from the driver
   */
  public <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  /**
   * Runs a query expected to return at most one row.
   *
   * @param c the connection
   * @param sql the SQL
   * @param mapper the row mapper
   * @param args the arguments
   * @param <T> the row type
   * @return the first row, or empty
   * @throws SQLException from the driver
   */
  public <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args)
      throws SQLException {
    List<T> rows = list(c, sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * Runs an INSERT/UPDATE/DELETE.
   *
   * @param c the connection
   * @param sql the SQL
   * @param args the arguments
   * @return the update count
   * @throws SQLException from the driver
   */
  public int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  /**
   * Runs the dialect's {@link Dialect#planEachStatement} statement, if it has one: from here to the
   * end of the transaction each statement is planned for its own arguments.
   *
   * @param c the connection, in a transaction
   * @throws SQLException from the driver
   */
  public void planEachStatement(Connection c) throws SQLException {
    java.util.Optional<String> statement = dialect.planEachStatement();
    if (statement.isPresent()) {
      try (java.sql.Statement st = c.createStatement()) {
        st.execute(statement.get());
      }
    }
  }

  /**
   * Runs one statement for many typed rows as a JDBC batch, in list order.
   *
   * @param c the connection
   * @param sql the SQL
   * @param rows the rows; nothing is executed when empty
   * @param binder binds one row to the statement's placeholders
   * @param <T> the row type
   * @return the update counts, one per row
   * @throws SQLException from the driver
   */
  public <T> int[] batch(Connection c, String sql, List<T> rows, RowBinder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Params p = new Params(ps, dialect);
      for (T row : rows) {
        p.reset();
        binder.bind(p, row);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  /**
   * Runs one statement for many rows of arguments (bound as {@link #bind} binds) as a JDBC batch,
   * in list order: the statement is prepared once, which matters on SQLite, where preparing an
   * upsert that fires triggers costs more than running it.
   *
   * @param c the connection
   * @param sql the SQL
   * @param rows the argument rows; nothing is executed when empty
   * @return the update counts, one per row
   * @throws SQLException from the driver
   */
  public int[] batchArgs(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] args : rows) {
        bind(ps, args);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  /**
   * Returns {@code n} comma-separated placeholders, for IN lists.
   *
   * @param n how many, &gt; 0
   * @return e.g. {@code ?,?,?}
   */
  public static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  /**
   * Binds arguments by type.
   *
   * @param ps the statement
   * @param args the arguments
   * @throws SQLException from the driver
   */
  public void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      int idx = i + 1;
      Object a = args[i];
      if (a == null || a == Null.TEXT) {
        ps.setNull(idx, Types.VARCHAR);
      } else if (a == Null.INSTANT) {
        ps.setNull(idx, dialect.instantSqlType());
      } else if (a == Null.INTEGER) {
        ps.setNull(idx, Types.BIGINT);
      } else if (a instanceof String s) {
        ps.setString(idx, s);
      } else if (a instanceof Long l) {
        ps.setLong(idx, l);
      } else if (a instanceof Integer n) {
        ps.setInt(idx, n);
      } else if (a instanceof Double d) {
        ps.setDouble(idx, d);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(idx, b);
      } else if (a instanceof Instant t) {
        dialect.setInstant(ps, idx, t);
      } else if (a instanceof byte[] bytes) {
        ps.setBytes(idx, bytes);
      } else {
        throw new IllegalArgumentException("cannot bind " + a.getClass().getName());
      }
    }
  }

  /**
   * Returns an instant argument, or a typed NULL.
   *
   * @param t the instant, or {@code null}
   * @return a bindable argument
   */
  public static Object instantOrNull(Instant t) {
    return t == null ? Null.INSTANT : t;
  }

  /**
   * Returns an integer argument, or a typed NULL.
   *
   * @param n the value, or {@code null}
   * @return a bindable argument
   */
  public static Object intOrNull(Integer n) {
    return n == null ? Null.INTEGER : n;
  }
}
