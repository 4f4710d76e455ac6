package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code EventStore.llmUsage} served from the roll-ups: the whole hours of the range from {@code
 * rollup_hourly} (whole UTC days from {@code rollup_daily} when the query buckets by day), the
 * partial hours at the two edges from the raw events ({@link LlmUsageQueries}). The result equals
 * the raw aggregate over the whole range, because the roll-ups hold exactly the stored events.
 */
final class RollupLlmUsage {

  private static final long MICRO_NANOS = 1_000;

  private final Sql sql;
  private final LlmUsageQueries raw;

  RollupLlmUsage(Sql sql, LlmUsageQueries raw) {
    this.sql = sql;
    this.raw = raw;
  }

  List<LlmUsage> usage(Connection c, String orgId, LlmUsageQuery q) throws SQLException {
    Instant endExclusive = q.to().plusNanos(MICRO_NANOS);
    Instant hStart = ceil(q.from(), ChronoUnit.HOURS);
    Instant hEnd = endExclusive.truncatedTo(ChronoUnit.HOURS);
    if (!hStart.isBefore(hEnd)) {
      return raw.usage(c, orgId, q);
    }
    Map<List<Object>, Acc> sums = new LinkedHashMap<>();
    if (q.from().isBefore(hStart)) {
      addRaw(sums, raw.usage(c, orgId, sub(q, q.from(), hStart.minusNanos(MICRO_NANOS))));
    }
    if (hEnd.isBefore(endExclusive)) {
      addRaw(sums, raw.usage(c, orgId, sub(q, hEnd, q.to())));
    }
    Instant dStart = ceil(hStart, ChronoUnit.DAYS);
    Instant dEnd = hEnd.truncatedTo(ChronoUnit.DAYS);
    if (LlmUsageQuery.DAY.equals(q.bucket()) && dStart.isBefore(dEnd)) {
      addRolled(sums, c, orgId, q, RollupTable.DAILY, dStart, dEnd);
      addRolled(sums, c, orgId, q, RollupTable.HOURLY, hStart, dStart);
      addRolled(sums, c, orgId, q, RollupTable.HOURLY, dEnd, hEnd);
    } else {
      addRolled(sums, c, orgId, q, RollupTable.HOURLY, hStart, hEnd);
    }
    List<LlmUsage> out = new ArrayList<>(sums.size());
    sums.forEach(
        (k, a) ->
            out.add(
                new LlmUsage(
                    (String) k.get(0),
                    (String) k.get(1),
                    (Instant) k.get(2),
                    a.calls,
                    a.cost,
                    Math.round(a.in),
                    Math.round(a.out),
                    a.latencySum,
                    a.latencyCount)));
    return out;
  }

  private static LlmUsageQuery sub(LlmUsageQuery q, Instant from, Instant to) {
    return new LlmUsageQuery(from, to, q.agentId(), q.bucket());
  }

  private static Instant ceil(Instant t, ChronoUnit unit) {
    Instant down = t.truncatedTo(unit);
    return down.equals(t) ? t : down.plus(1, unit);
  }

  private static void addRaw(Map<List<Object>, Acc> sums, List<LlmUsage> rows) {
    for (LlmUsage r : rows) {
      Acc a = sums.computeIfAbsent(List.of(r.provider(), r.model(), r.bucket()), k -> new Acc());
      a.calls += r.calls();
      a.cost += r.costUsd();
      a.in += r.inputTokens();
      a.out += r.outputTokens();
      a.latencySum += r.latencySumMs();
      a.latencyCount += r.latencyCount();
    }
  }

  private void addRolled(
      Map<List<Object>, Acc> sums,
      Connection c,
      String orgId,
      LlmUsageQuery q,
      RollupTable table,
      Instant from,
      Instant to)
      throws SQLException {
    if (!from.isBefore(to)) {
      return;
    }
    List<Object> args = new ArrayList<>(List.of(orgId, from, to));
    String agent = "";
    if (q.agentId() != null) {
      agent = " and agent_id = ?";
      args.add(q.agentId());
    }
    ChronoUnit unit = LlmUsageQuery.DAY.equals(q.bucket()) ? ChronoUnit.DAYS : ChronoUnit.HOURS;
    sql.list(
        c,
        "select provider, model, bucket, sum(llm_calls) as calls, sum(cost_usd) as cost,"
            + " sum(input_tokens) as tin, sum(output_tokens) as tout,"
            + " sum(latency_sum_ms) as latency_sum, sum(latency_count) as latency_count from "
            + table.table()
            + " where org_id = ? and bucket >= ? and bucket < ?"
            + agent
            + " and llm_calls > 0 group by provider, model, bucket",
        rs -> {
          Instant bucket = sql.dialect().getInstant(rs, "bucket").truncatedTo(unit);
          Acc a =
              sums.computeIfAbsent(
                  List.of(rs.getString("provider"), rs.getString("model"), bucket), k -> new Acc());
          a.calls += rs.getLong("calls");
          a.cost += rs.getDouble("cost");
          a.in += rs.getDouble("tin");
          a.out += rs.getDouble("tout");
          a.latencySum += rs.getDouble("latency_sum");
          a.latencyCount += rs.getLong("latency_count");
          return a;
        },
        args.toArray());
  }

  /** Running sums of one (provider, model, bucket). */
  private static final class Acc {
    long calls;
    double cost;
    double in;
    double out;
    double latencySum;
    long latencyCount;
  }
}
