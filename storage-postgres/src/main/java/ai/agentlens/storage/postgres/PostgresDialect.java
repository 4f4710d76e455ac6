package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.Dialect;
import ai.agentlens.storage.spi.jdbc.SqlErrorTranslator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** PostgreSQL: timestamptz bound as UTC offsets, jsonb, row locks, SQLSTATE errors. */
final class PostgresDialect implements Dialect {

  private static final ZoneOffset UTC = ZoneOffset.UTC;

  private final SqlErrorTranslator errors = new SqlErrorTranslator();

  @Override
  public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    // why: an explicit +00:00 offset, so the session time zone never shifts stored instants; not
    // OffsetDateTime.ofInstant, which builds a ZoneRules per call on JDK 17 (2.5 % of a worker's
    // CPU)
    LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), UTC);
    ps.setObject(index, OffsetDateTime.of(utc, UTC));
  }

  @Override
  public Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  @Override
  public int instantSqlType() {
    return Types.TIMESTAMP_WITH_TIMEZONE;
  }

  @Override
  public String jsonParam() {
    return "cast(? as jsonb)";
  }

  @Override
  public String forUpdate() {
    return " for update";
  }

  // why: pgjdbc prepares a statement on the server after 5 runs and PostgreSQL may then keep a
  // generic plan; one made while llm_requests was empty (and never analyzed since: autovacuum off
  // or behind) read the org's rows through its smallest index for every update by key — 76 ms per
  // row at 200,000 rows, against 0.2 ms by the primary key
  @Override
  public java.util.Optional<String> planEachStatement() {
    return java.util.Optional.of("set local plan_cache_mode = force_custom_plan");
  }

  @Override
  public String lockByKey(String table, String columns, int keys) {
    return perKey(table, columns, "id", keys, " for update") + " order by t.id";
  }

  @Override
  public String readByKey(String table, String columns, String keyColumn, int keys) {
    // why: "offset 0" keeps the planner from pulling the lookup up into a join; pulled up, it
    // hashed the keys against every row of the org, as the in-list did ("for update" does the same
    // for lockByKey)
    return perKey(table, columns, keyColumn, keys, " offset 0");
  }

  // why: with no fresh statistics (autovacuum off or behind on a hot table) "key in (...)" was
  // planned as a read of every row of the org (the LLM request log's read-back: 16 ms a run on a
  // fresh database, 1.3 ms once analyzed); a lookup per key always takes the unique index
  private static String perKey(
      String table, String columns, String keyColumn, int keys, String fence) {
    return "select t.* from (select cast(? as text) as org) o cross join (values "
        + String.join(",", java.util.Collections.nCopies(keys, "(?)"))
        + ") k(v) cross join lateral (select "
        + columns
        + " from "
        + table
        + " where org_id = o.org and "
        + keyColumn
        + " = k.v"
        + fence
        + ") t";
  }

  @Override
  public String greatest() {
    return "greatest";
  }

  @Override
  public String least() {
    return "least";
  }

  @Override
  public SqlErrorTranslator errors() {
    return errors;
  }

  @Override
  public String jsonNumber(String column, String... path) {
    String p = "'{" + String.join(",", path) + "}'";
    return "(case when jsonb_typeof("
        + column
        + " #> "
        + p
        + ") = 'number' then ("
        + column
        + " #>> "
        + p
        + ")::float8 end)";
  }

  @Override
  public String jsonString(String column, String key) {
    return "(case when jsonb_typeof("
        + column
        + " -> '"
        + key
        + "') = 'string' then "
        + column
        + " ->> '"
        + key
        + "' end)";
  }

  @Override
  public String epochBucket(String column, long seconds) {
    return "floor(extract(epoch from " + column + ") / " + seconds + ")::bigint";
  }

  @Override
  public String jsonText(String column) {
    // why: jsonb renders its own text (a space after ':' and ','), not the client's bytes
    return column + "::text";
  }

  @Override
  public String containsParam(String column) {
    return "strpos(" + column + ", ?) > 0";
  }

  @Override
  public String jsonArrayLength(String column, String key) {
    return "(case when jsonb_typeof("
        + column
        + " -> '"
        + key
        + "') = 'array' then jsonb_array_length("
        + column
        + " -> '"
        + key
        + "') else 0 end)";
  }

  @Override
  public String jsonTrue(String column, String key) {
    return "((" + column + " -> '" + key + "') = 'true'::jsonb)";
  }

  @Override
  public String millisBetween(String from, String to) {
    return "(extract(epoch from (" + to + " - " + from + ")) * 1000)";
  }
}
