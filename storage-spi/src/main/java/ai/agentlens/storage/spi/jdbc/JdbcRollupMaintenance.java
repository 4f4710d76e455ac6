package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.analytics.RollupMismatch;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.port.storage.RollupMaintenance;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@link RollupMaintenance} written once: one transaction per org and UTC day, which deletes that
 * day's roll-up rows and adds the fold of that day's events (the same {@link RollupTable#fold} the
 * event writer uses), or, for a check, compares the fold with the stored rows summed over shards. A
 * backend gives the SQL that lists every org and, where writers run concurrently, the statement
 * that keeps roll-up writers out while a day is replaced.
 */
public class JdbcRollupMaintenance implements RollupMaintenance {

  private final Transactor tx;
  private final Sql sql;
  private final Rows rows;
  private final String orgIdsSql;
  private final String exclusiveLockSql;

  /**
   * Creates the maintenance.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param orgIdsSql a query whose first column lists every org id (run without a tenant scope)
   * @param exclusiveLockSql run first in each rebuild transaction to exclude concurrent roll-up
   *     writers until commit, or {@code null} where a single writer already does
   */
  public JdbcRollupMaintenance(Transactor tx, Sql sql, String orgIdsSql, String exclusiveLockSql) {
    this.tx = tx;
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
    this.orgIdsSql = orgIdsSql;
    this.exclusiveLockSql = exclusiveLockSql;
  }

  @Override
  public long rebuild(String orgId, LocalDate from, LocalDate to, Consumer<String> progress) {
    long units = 0;
    for (String org : orgs(orgId)) {
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int events =
            tx.write(
                Scope.org(org),
                c -> {
                  if (exclusiveLockSql != null) {
                    sql.update(c, exclusiveLockSql);
                  }
                  for (RollupTable t : RollupTable.values()) {
                    sql.update(
                        c,
                        "delete from "
                            + t.table()
                            + " where org_id = ? and bucket >= ? and bucket < ?",
                        org,
                        start,
                        end);
                  }
                  List<Event> stored = events(c, org, start, end);
                  for (RollupTable t : RollupTable.values()) {
                    t.upsert(sql, c, org, 0, t.fold(stored));
                  }
                  return stored.size();
                });
        units++;
        progress.accept("rebuilt " + org + " " + day + ": " + events + " events");
      }
    }
    return units;
  }

  @Override
  public List<RollupMismatch> check(
      String orgId, LocalDate from, LocalDate to, Consumer<String> progress) {
    List<RollupMismatch> out = new ArrayList<>();
    for (String org : orgs(orgId)) {
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<RollupMismatch> found =
            tx.read(
                Scope.org(org),
                c -> {
                  List<Event> stored = events(c, org, start, end);
                  List<RollupMismatch> diffs = new ArrayList<>();
                  for (RollupTable t : RollupTable.values()) {
                    compare(org, t, t.fold(stored), t.read(sql, c, org, start, end), diffs);
                  }
                  return diffs;
                });
        out.addAll(found);
        progress.accept("checked " + org + " " + day + ": " + found.size() + " mismatch(es)");
      }
    }
    return out;
  }

  private static void compare(
      String org,
      RollupTable t,
      TreeMap<RollupKey, RollupCounts> expected,
      TreeMap<RollupKey, RollupCounts> actual,
      List<RollupMismatch> out) {
    TreeSet<RollupKey> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    String name = t == RollupTable.HOURLY ? "hourly" : "daily";
    for (RollupKey k : keys) {
      RollupCounts e = expected.get(k);
      RollupCounts a = actual.get(k);
      if (e == null || a == null || !e.agrees(a)) {
        out.add(
            new RollupMismatch(
                org,
                name,
                k.bucket(),
                k.names(),
                e == null ? "absent" : e.toString(),
                a == null ? "absent" : a.toString()));
      }
    }
  }

  private List<Event> events(Connection c, String org, Instant start, Instant end)
      throws SQLException {
    return sql.list(
        c,
        "select " + Rows.EVENT_COLUMNS + " from events where org_id = ? and ts >= ? and ts < ?",
        rows::event,
        org,
        start,
        end);
  }

  private List<String> orgs(String orgId) {
    if (orgId != null) {
      return List.of(orgId);
    }
    return tx.read(Scope.NONE, c -> sql.list(c, orgIdsSql, rs -> rs.getString(1)));
  }
}
