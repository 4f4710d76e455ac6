package ai.agentlens.storage.sqlite;

import ai.agentlens.core.json.CanonicalJson;
import ai.agentlens.storage.spi.jdbc.Dialect;
import ai.agentlens.storage.spi.jdbc.SqlErrorTranslator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** SQLite: instants as INTEGER microseconds, JSON as TEXT, no row locks (single writer). */
final class SqliteDialect implements Dialect {

  private final SqlErrorTranslator errors = new SqliteErrorTranslator();

  @Override
  public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    // why: ChronoUnit.MICROS.between overflows through nanoseconds after year 2262
    ps.setLong(
        index,
        Math.addExact(
            Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1000));
  }

  @Override
  public Instant getInstant(ResultSet rs, String column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  @Override
  public int instantSqlType() {
    return Types.BIGINT;
  }

  @Override
  public String jsonParam() {
    return "?";
  }

  @Override
  public boolean keysSessions() {
    // why: the (org_id, session_id, sequence) index took over half of a commit's pages (V45)
    return true;
  }

  @Override
  public String keyIn(String column, int keys) {
    // why: an in-list is a new statement text per list size, prepared on every call; one JSON
    // array parameter costs the writer 0.8-1.1 us a key against 1.3-1.7 (KeyListCost), and the
    // plan stays one lookup of the unique index per key (SqliteKeyListTest)
    return column + " in (select value from json_each(?))";
  }

  @Override
  public Object[] orgAndKeys(String orgId, List<String> keys) {
    StringBuilder json = new StringBuilder(keys.size() * 32 + 2).append('[');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      // why: only quotes, backslashes and control characters are escaped, so every other
      // character reaches SQLite as the driver encodes a key bound on its own
      CanonicalJson.appendString(json, keys.get(i));
    }
    return new Object[] {orgId, json.append(']').toString()};
  }

  @Override
  public String forUpdate() {
    // why: one writer thread serializes all writes, so a read inside it is already a lock
    return "";
  }

  @Override
  public String greatest() {
    return "max";
  }

  @Override
  public String least() {
    return "min";
  }

  @Override
  public SqlErrorTranslator errors() {
    return errors;
  }

  @Override
  public String jsonNumber(String column, String... path) {
    String p = "'$." + String.join(".", path) + "'";
    return "(case when json_type("
        + column
        + ", "
        + p
        + ") in ('integer', 'real') then json_extract("
        + column
        + ", "
        + p
        + ") end)";
  }

  @Override
  public String jsonString(String column, String key) {
    String p = "'$." + key + "'";
    return "(case when json_type("
        + column
        + ", "
        + p
        + ") = 'text' then json_extract("
        + column
        + ", "
        + p
        + ") end)";
  }

  @Override
  public String epochBucket(String column, long seconds) {
    // why: instants are stored as integer microseconds since the epoch
    return "(" + column + " / " + (seconds * 1_000_000L) + ")";
  }

  @Override
  public String jsonText(String column) {
    return column;
  }

  @Override
  public String containsParam(String column) {
    return "instr(" + column + ", ?) > 0";
  }

  @Override
  public String jsonArrayLength(String column, String key) {
    String p = "'$." + key + "'";
    return "(case when json_type("
        + column
        + ", "
        + p
        + ") = 'array' then json_array_length("
        + column
        + ", "
        + p
        + ") else 0 end)";
  }

  @Override
  public String jsonTrue(String column, String key) {
    return "(json_type(" + column + ", '$." + key + "') = 'true')";
  }

  @Override
  public String millisBetween(String from, String to) {
    // why: instants are stored as integer microseconds since the epoch
    return "((" + to + " - " + from + ") / 1000.0)";
  }
}
