package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.benchmark.model.Metric;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.benchmark.BenchmarkStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link BenchmarkStore} in portable SQL (tables {@code benchmarks}, {@code benchmark_results}).
 * Metrics and variants are one JSON object column ({@code spec}), read and written whole with the
 * benchmark; the status change is a compare-and-set {@code update … where status = ?}; results are
 * replaced by delete-then-insert in one transaction.
 */
public class JdbcBenchmarkStore implements BenchmarkStore {

  private static final String COLUMNS =
      "id, org_id, name, description, agent_id, spec, min_sessions, from_time, to_time, status,"
          + " created_at, updated_at, completed_at";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcBenchmarkStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  private Benchmark row(ResultSet rs) throws SQLException {
    JsonObject spec = JsonDoc.of(rs.getString("spec")).tree();
    List<Metric> metrics = new ArrayList<>();
    for (Object m : spec.array("metrics")) {
      metrics.add(Metric.parse((String) m).orElseThrow());
    }
    List<Variant> variants = new ArrayList<>();
    for (Object o : spec.array("variants")) {
      JsonObject v = (JsonObject) o;
      variants.add(
          new Variant(
              v.string("name"), v.string("tag"), v.string("agentId"), v.string("description")));
    }
    return new Benchmark(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("agent_id"),
        metrics,
        rs.getInt("min_sessions"),
        sql.dialect().getInstant(rs, "from_time"),
        sql.dialect().getInstant(rs, "to_time"),
        BenchmarkStatus.parse(rs.getString("status")).orElseThrow(),
        variants,
        sql.dialect().getInstant(rs, "created_at"),
        sql.dialect().getInstant(rs, "updated_at"),
        sql.dialect().getInstant(rs, "completed_at"));
  }

  private static String spec(Benchmark b) {
    List<Object> variants = new ArrayList<>();
    for (Variant v : b.variants()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", v.name());
      o.put("tag", v.tag());
      if (v.agentId() != null) {
        o.put("agentId", v.agentId());
      }
      if (v.description() != null) {
        o.put("description", v.description());
      }
      variants.add(JsonObject.of(o));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("metrics", JsonArray.of(b.metrics().stream().map(Metric::wireName).toList()));
    spec.put("variants", JsonArray.of(variants));
    return JsonWriter.write(JsonObject.of(spec));
  }

  @Override
  public void create(Benchmark b) {
    String org = Tenancy.require(b.orgId());
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into benchmarks (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                b.id(),
                org,
                b.name(),
                b.description(),
                b.agentId(),
                spec(b),
                b.minSessionsPerVariant(),
                Sql.instantOrNull(b.from()),
                Sql.instantOrNull(b.to()),
                b.status().wireName(),
                b.createdAt(),
                b.updatedAt(),
                Sql.instantOrNull(b.completedAt())));
  }

  @Override
  public Optional<Benchmark> find(String orgId, String id) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from benchmarks where org_id = ? and id = ?",
                this::row,
                orgId,
                id));
  }

  @Override
  public List<Benchmark> list(String orgId, BenchmarkStatus status) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            status == null
                ? sql.list(
                    c,
                    "select "
                        + COLUMNS
                        + " from benchmarks where org_id = ? order by created_at desc, id desc",
                    this::row,
                    orgId)
                : sql.list(
                    c,
                    "select "
                        + COLUMNS
                        + " from benchmarks where org_id = ? and status = ?"
                        + " order by created_at desc, id desc",
                    this::row,
                    orgId,
                    status.wireName()));
  }

  @Override
  public boolean transition(
      String orgId, String id, BenchmarkStatus from, BenchmarkStatus to, Instant at) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    boolean ends = to == BenchmarkStatus.COMPLETED || to == BenchmarkStatus.CANCELLED;
    return tx.write(
            Scope.org(orgId),
            c ->
                ends
                    ? sql.update(
                        c,
                        "update benchmarks set status = ?, updated_at = ?, completed_at = ?"
                            + " where org_id = ? and id = ? and status = ?",
                        to.wireName(),
                        at,
                        at,
                        orgId,
                        id,
                        from.wireName())
                    : sql.update(
                        c,
                        "update benchmarks set status = ?, updated_at = ?"
                            + " where org_id = ? and id = ? and status = ?",
                        to.wireName(),
                        at,
                        orgId,
                        id,
                        from.wireName()))
        == 1;
  }

  @Override
  public boolean delete(String orgId, String id) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c -> {
              sql.update(
                  c,
                  "delete from benchmark_results where org_id = ? and benchmark_id = ?",
                  orgId,
                  id);
              return sql.update(c, "delete from benchmarks where org_id = ? and id = ?", orgId, id);
            })
        == 1;
  }

  @Override
  public void saveResults(String orgId, String id, String resultsJson, Instant at) {
    if (Tenancy.none(orgId)) {
      return;
    }
    tx.write(
        Scope.org(orgId),
        c -> {
          sql.update(
              c, "delete from benchmark_results where org_id = ? and benchmark_id = ?", orgId, id);
          // why: insert … select writes nothing when the benchmark is not the org's (or is gone)
          return sql.update(
              c,
              "insert into benchmark_results (org_id, benchmark_id, results, computed_at)"
                  + " select org_id, id, ?, ? from benchmarks where org_id = ? and id = ?",
              resultsJson,
              at,
              orgId,
              id);
        });
  }

  @Override
  public Optional<String> results(String orgId, String id) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select results from benchmark_results where org_id = ? and benchmark_id = ?",
                rs -> rs.getString("results"),
                orgId,
                id));
  }
}
