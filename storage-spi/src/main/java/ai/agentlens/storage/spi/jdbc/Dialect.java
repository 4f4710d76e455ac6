package ai.agentlens.storage.spi.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

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
   * Returns whether this backend finds a session's events through an integer key: a {@code
   * session_keys (skey, org_id, session_id)} table gives each session a key once, every {@code
   * events} row carries it as {@code session_key}, and {@code event_sessions (session_key,
   * sequence, event_rowid)} is the index by session, brought up to date after the commit ({@link
   * SessionEvents#indexStored}). Otherwise events are indexed on {@code (org_id, session_id,
   * sequence)}. The key is the backend's storage detail: the port contracts, and so the results,
   * are the same.
   *
   * @return {@code true} where events carry {@code session_key}
   */
  default boolean keysSessions() {
    return false;
  }

  /**
   * Returns the clause that row-locks what a SELECT read until commit, or an empty string where a
   * single writer makes locks unnecessary.
   *
   * @return e.g. {@code " for update"}
   */
  String forUpdate();

  /**
   * Returns a statement that makes the rest of the current transaction plan each statement for its
   * own arguments instead of reusing a plan the connection cached for the statement's text, or
   * empty where the backend caches no such plans. For statements whose best plan depends on the
   * table's size or on their arguments (a plan cached while the table was empty reads the org).
   *
   * @return the statement, or empty
   */
  default java.util.Optional<String> planEachStatement() {
    return java.util.Optional.empty();
  }

  /**
   * Returns a SELECT that reads and locks (as {@link #forUpdate()} does) the rows of one org with
   * the given ids from a table keyed {@code (org_id, id)}, ordered by id. Its parameters are those
   * of {@link #orgAndKeys}; locks are taken in the order the ids are given, so callers that lock
   * overlapping sets give them sorted. Ids with no row are left out.
   *
   * @param table the table, a constant of the caller
   * @param columns the column list to read, a constant of the caller
   * @param keys how many ids are bound (at least 1)
   * @return the statement text
   */
  default String lockByKey(String table, String columns, int keys) {
    return readByKey(table, columns, "id", keys) + " order by id" + forUpdate();
  }

  /**
   * Returns a SELECT that reads the rows of one org whose {@code keyColumn} is one of the given
   * keys, from a table with a unique index on {@code (org_id, keyColumn)}. Its parameters are those
   * of {@link #orgAndKeys}. Keys with no row are left out; the order is unspecified. The plan must
   * stay a lookup of that index per key whatever the table's statistics say (a table written faster
   * than it is analyzed must not be read whole for a few keys).
   *
   * @param table the table with its alias if {@code columns} use one, a constant of the caller
   * @param columns the column list to read, a constant of the caller
   * @param keyColumn the key column next to {@code org_id} in the unique index, a constant
   * @param keys how many keys are bound (at least 1)
   * @return the statement text
   */
  default String readByKey(String table, String columns, String keyColumn, int keys) {
    return "select "
        + columns
        + " from "
        + table
        + " where org_id = ? and "
        + keyIn(keyColumn, keys);
  }

  /**
   * Returns a condition that a text column holds one of a list of keys, whose parameters are those
   * {@link #orgAndKeys} gives after the org: by default an in-list with one placeholder per key.
   *
   * @param column the column, a constant of the caller
   * @param keys how many keys (at least 1)
   * @return the condition
   */
  default String keyIn(String column, int keys) {
    return column + " in (" + Sql.placeholders(keys) + ")";
  }

  /**
   * Returns the arguments of a statement whose parameters are an org and then one {@link #keyIn}
   * list ({@link #readByKey}, {@link #lockByKey} and the like): by default the org, then each key.
   *
   * @param orgId the org
   * @param keys the keys, at least one
   * @return the arguments, in parameter order
   */
  default Object[] orgAndKeys(String orgId, List<String> keys) {
    Object[] args = new Object[keys.size() + 1];
    args[0] = orgId;
    for (int i = 0; i < keys.size(); i++) {
      args[i + 1] = keys.get(i);
    }
    return args;
  }

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

  /**
   * Returns an SQL expression that reads a JSON number from a JSON column as a double, or NULL when
   * the path is missing or not a number. The path parts are constants of the caller (never user
   * input).
   *
   * @param column the JSON column
   * @param path the object keys, outermost first
   * @return the expression
   */
  String jsonNumber(String column, String... path);

  /**
   * Returns an SQL expression that reads a top-level JSON string of a JSON column, or NULL when the
   * key is missing or not a string. The key is a constant of the caller.
   *
   * @param column the JSON column
   * @param key the key
   * @return the expression
   */
  String jsonString(String column, String key);

  /**
   * Returns an integer SQL expression numbering the {@code seconds}-long bucket an instant column
   * falls in, counted from the epoch (bucket {@code n} starts at {@code n * seconds}).
   *
   * @param column the instant column
   * @param seconds the bucket size
   * @return the expression
   */
  String epochBucket(String column, long seconds);

  /**
   * Returns an SQL expression of a JSON column's text (for substring search), e.g. {@code
   * payload::text}.
   *
   * @param column the JSON column
   * @return the expression
   */
  String jsonText(String column);

  /**
   * Returns a case-sensitive "text column contains the bound parameter" condition with one
   * placeholder.
   *
   * @param column the text column
   * @return e.g. {@code strpos(tags, ?) > 0}
   */
  String containsParam(String column);

  /**
   * Returns an SQL integer expression of the length of a top-level JSON array of a JSON column, 0
   * when the key is missing or not an array. The key is a constant of the caller.
   *
   * @param column the JSON column
   * @param key the key
   * @return the expression
   */
  String jsonArrayLength(String column, String key);

  /**
   * Returns an SQL condition that is true when a top-level key of a JSON column holds the JSON
   * boolean {@code true} (not the string or the number), and false or NULL otherwise. The key is a
   * constant of the caller.
   *
   * @param column the JSON column
   * @param key the key
   * @return the condition
   */
  String jsonTrue(String column, String key);

  /**
   * Returns an SQL expression of the milliseconds from one instant column to another (a
   * floating-point or exact numeric value, NULL when either is NULL).
   *
   * @param from the earlier instant column
   * @param to the later instant column
   * @return the expression
   */
  String millisBetween(String from, String to);
}
