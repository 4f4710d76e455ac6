package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.event.WindowCount;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's events, errors and session starts over windows [start, to): short windows in one pass
 * over the widest of them through {@code (org_id, agent_id, ts)}, long ones from the roll-ups and
 * their ragged ends ({@link HourPlan}). Errors are events of severity error or critical and tool
 * errors, as the roll-ups count them.
 */
final class WindowCounts {

  private final Sql sql;

  WindowCounts(Sql sql) {
    this.sql = sql;
  }

  // why: a window longer than the rest of its first hour is counted from the roll-ups and its
  // ragged ends (HourPlan): a full recount of an hour's window read an hour of the agent's rows
  List<WindowCount> count(
      Connection c, String orgId, String agentId, List<Instant> starts, Instant to)
      throws SQLException {
    Instant now = Instant.now();
    List<Instant> direct = new ArrayList<>();
    Map<Instant, WindowCount> byStart = new HashMap<>();
    for (Instant from : starts) {
      HourPlan plan = HourPlan.of(from, to, now);
      if (plan.direct()) {
        direct.add(from);
      } else {
        byStart.put(from, planned(c, orgId, agentId, from, plan));
      }
    }
    List<WindowCount> counted = directCounts(c, orgId, agentId, direct, to);
    for (int i = 0; i < direct.size(); i++) {
      byStart.put(direct.get(i), counted.get(i));
    }
    List<WindowCount> out = new ArrayList<>(starts.size());
    for (Instant from : starts) {
      out.add(byStart.get(from));
    }
    return out;
  }

  private WindowCount planned(
      Connection c, String orgId, String agentId, Instant from, HourPlan plan) throws SQLException {
    long[] n = new long[3];
    for (HourPlan.Rollup r : plan.rollups()) {
      sql.one(
          c,
          "select coalesce(sum(events), 0), coalesce(sum(errors), 0),"
              + " coalesce(sum(sessions_started), 0) from "
              + r.table()
              + " where org_id = ? and bucket >= ? and bucket < ? and agent_id = ?",
          rs -> {
            n[0] += rs.getLong(1);
            n[1] += rs.getLong(2);
            n[2] += rs.getLong(3);
            return n;
          },
          orgId,
          r.from(),
          r.to(),
          agentId);
    }
    for (HourPlan.Events e : plan.events()) {
      WindowCount w = directCounts(c, orgId, agentId, List.of(e.from()), e.to()).get(0);
      n[0] += e.sign() * w.total();
      n[1] += e.sign() * w.errors();
      n[2] += e.sign() * w.sessionsStarted();
    }
    return new WindowCount(from, n[0], n[1], n[2]);
  }

  private List<WindowCount> directCounts(
      Connection c, String orgId, String agentId, List<Instant> starts, Instant to)
      throws SQLException {
    if (starts.isEmpty()) {
      return List.of();
    }
    // why: one pass over the widest window instead of four counts per window; each column sums
    // the rows of its own window
    StringBuilder select = new StringBuilder("select ");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      Instant from = starts.get(i);
      select
          .append(i == 0 ? "" : ", ")
          .append("coalesce(sum(case when ts >= ? then 1 else 0 end), 0),")
          .append(" coalesce(sum(case when ts >= ? and (severity in (?, ?) or event_type = ?)")
          .append(" then 1 else 0 end), 0),")
          .append(" coalesce(sum(case when ts >= ? and event_type = ? then 1 else 0 end), 0)");
      args.addAll(
          List.of(
              from,
              from,
              Severity.ERROR.wireName(),
              Severity.CRITICAL.wireName(),
              EventType.TOOL_ERROR.wireName(),
              from,
              EventType.SESSION_STARTED.wireName()));
    }
    Instant widest = starts.stream().min(Instant::compareTo).orElseThrow();
    select.append(" from events where org_id = ? and agent_id = ? and ts >= ? and ts < ?");
    args.addAll(List.of(orgId, agentId, widest, to));
    return sql.one(
            c,
            select.toString(),
            rs -> {
              List<WindowCount> out = new ArrayList<>(starts.size());
              for (int i = 0; i < starts.size(); i++) {
                out.add(
                    new WindowCount(
                        starts.get(i),
                        rs.getLong(3 * i + 1),
                        rs.getLong(3 * i + 2),
                        rs.getLong(3 * i + 3)));
              }
              return out;
            },
            args.toArray())
        .orElseThrow();
  }
}
