package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.storage.RetentionPurge;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@link RetentionPurge} written once: each batch of events is one short org-scoped transaction;
 * derived rows go table by table. A backend gives the SQL listing every org, the side tables keyed
 * by event id (PostgreSQL's {@code event_keys}), and overrides the partition and space methods.
 */
public abstract class JdbcRetentionPurge implements RetentionPurge {

  private static final String[] ROLLUPS = {"rollup_hourly", "rollup_daily"};

  private final Transactor tx;
  private final Sql sql;
  private final String orgIdsSql;
  private final List<String> eventSideTables;

  private record Doomed(String id, String session, long sequence, Instant ts) {}

  /**
   * Creates the purge.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param orgIdsSql a query whose first column lists every org id (run without a tenant scope)
   * @param eventSideTables tables with (org_id, id) rows per event, deleted with the events
   */
  public JdbcRetentionPurge(
      Transactor tx, Sql sql, String orgIdsSql, List<String> eventSideTables) {
    this.tx = tx;
    this.sql = sql;
    this.orgIdsSql = orgIdsSql;
    this.eventSideTables = List.copyOf(eventSideTables);
  }

  /**
   * Returns the transactions, for backend subclasses.
   *
   * @return the transactor
   */
  protected Transactor tx() {
    return tx;
  }

  /**
   * Returns the SQL helper, for backend subclasses.
   *
   * @return the helper
   */
  protected Sql sql() {
    return sql;
  }

  @Override
  public List<String> orgIds() {
    return tx.read(Scope.NONE, c -> sql.list(c, orgIdsSql, rs -> rs.getString(1)));
  }

  @Override
  public int purgeEvents(String orgId, Instant cutoff, int batchSize) {
    String org = Tenancy.require(orgId);
    return tx.write(
        Scope.org(org),
        c -> {
          List<Doomed> doomed =
              sql.list(
                  c,
                  "select id, session_id, sequence, ts from events where org_id = ? and ts < ?"
                      + " order by ts limit ?",
                  rs ->
                      new Doomed(
                          rs.getString("id"),
                          rs.getString("session_id"),
                          rs.getLong("sequence"),
                          sql.dialect().getInstant(rs, "ts")),
                  org,
                  cutoff,
                  batchSize);
          if (doomed.isEmpty()) {
            return 0;
          }
          Map<String, Long> firstKept = new TreeMap<>();
          for (Doomed d : doomed) {
            firstKept.merge(d.session(), d.sequence() + 1, Math::max);
          }
          for (Map.Entry<String, Long> e : firstKept.entrySet()) {
            sql.update(
                c,
                "insert into session_purge_points (org_id, session_id, first_kept_sequence)"
                    + " values (?, ?, ?) on conflict (org_id, session_id) do update set"
                    + " first_kept_sequence = case when excluded.first_kept_sequence >"
                    + " session_purge_points.first_kept_sequence then"
                    + " excluded.first_kept_sequence else session_purge_points.first_kept_sequence"
                    + " end",
                org,
                e.getKey(),
                e.getValue());
          }
          List<Object> args = new ArrayList<>();
          args.add(org);
          doomed.forEach(d -> args.add(d.id()));
          String in = " in (" + Sql.placeholders(doomed.size()) + ")";
          List<Object> withTs = new ArrayList<>(args);
          // why: the batch was read in time order under "ts < cutoff", so its first and last times
          // bound it; with only upper bounds ("ts < cutoff") both planners walked every expired
          // row of the org for each batch (SQLite ~1 s per batch of 1,000 at 1M, PostgreSQL too)
          withTs.add(1, doomed.get(0).ts());
          withTs.add(2, doomed.get(doomed.size() - 1).ts());
          int n =
              sql.update(
                  c,
                  "delete from events where org_id = ? and ts >= ? and ts <= ? and id" + in,
                  withTs.toArray());
          List<String> ids = doomed.stream().map(Doomed::id).toList();
          for (String side : eventSideTables) {
            deleteSide(c, side, org, ids);
          }
          return n;
        });
  }

  /**
   * Deletes one side table's rows of the purged events.
   *
   * @param c the purge transaction's connection
   * @param table the side table, with {@code (org_id, id)} rows
   * @param orgId the org
   * @param ids the purged events' ids
   * @throws SQLException on a database error
   */
  protected void deleteSide(Connection c, String table, String orgId, List<String> ids)
      throws SQLException {
    List<Object> args = new ArrayList<>(ids.size() + 1);
    args.add(orgId);
    args.addAll(ids);
    sql.update(
        c,
        "delete from "
            + table
            + " where org_id = ? and id in ("
            + Sql.placeholders(ids.size())
            + ")",
        args.toArray());
  }

  @Override
  public long purgeDerived(String orgId, Instant cutoff, Instant usageCutoff) {
    String org = Tenancy.require(orgId);
    long n =
        write(
            org,
            c -> {
              // why: the check below reads the rows above the session index's mark once per
              // session; indexing them first makes that range empty
              SessionEvents.indexStored(sql, c, Long.MAX_VALUE);
              return sql.update(
                  c,
                  "delete from sessions where org_id = ? and last_event_at < ? and not exists"
                      + " (select 1 from events e where "
                      + SessionEvents.of(sql.dialect(), "e.", "sessions.org_id", "sessions.id")
                      + ")",
                  org,
                  cutoff);
            });
    if (sql.dialect().keysSessions()) {
      // why: a key is storage, not a derived row, so it is not counted; it goes with the last of
      // its session's rows (a session that comes back later gets a new key)
      write(
          org,
          c -> {
            SessionEvents.indexStored(sql, c, Long.MAX_VALUE);
            return sql.update(
                c,
                "delete from session_keys where org_id = ? and not exists (select 1 from"
                    + " sessions s where s.org_id = session_keys.org_id and s.id ="
                    + " session_keys.session_id) and not exists (select 1 from events e where "
                    + SessionEvents.ofKey("e.", "session_keys.skey")
                    + ")",
                org);
          });
    }
    n +=
        write(
            org,
            c ->
                sql.update(
                    c,
                    "delete from session_purge_points where org_id = ? and not exists (select 1"
                        + " from sessions s where s.org_id = session_purge_points.org_id"
                        + " and s.id = session_purge_points.session_id)",
                    org));
    // a summary is derived from its session: it goes when the session went
    n +=
        write(
            org,
            c ->
                sql.update(
                    c,
                    "delete from session_summaries where org_id = ? and started_at < ? and not"
                        + " exists (select 1 from sessions s where s.org_id ="
                        + " session_summaries.org_id and s.id = session_summaries.session_id)",
                    org,
                    cutoff));
    n +=
        write(
            org,
            c ->
                sql.update(
                    c,
                    "delete from agents where org_id = ? and last_seen_at < ? and not exists"
                        + " (select 1 from sessions s where s.org_id = agents.org_id"
                        + " and s.agent_id = agents.id)",
                    org,
                    cutoff));
    n +=
        write(
            org,
            c ->
                sql.update(
                    c, "delete from embeddings where org_id = ? and created_at < ?", org, cutoff));
    n +=
        write(
            org,
            c ->
                sql.update(
                    c,
                    "delete from llm_requests where org_id = ? and started_at < ?",
                    org,
                    cutoff));
    for (String t : ROLLUPS) {
      n +=
          write(
              org,
              c ->
                  sql.update(
                      c, "delete from " + t + " where org_id = ? and bucket < ?", org, cutoff));
    }
    n +=
        write(
            org,
            c ->
                sql.update(
                    c,
                    "delete from usage_records where org_id = ? and hour < ?",
                    org,
                    usageCutoff));
    return n;
  }

  private long write(String org, SqlWork<Integer> work) {
    return tx.write(Scope.org(org), work);
  }

  @Override
  public int purgeAudit(String orgId, Instant cutoff, int batchSize) {
    String org = Tenancy.require(orgId);
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0");
    }
    return tx.write(Scope.org(org), c -> expireAudit(c, org, cutoff, batchSize));
  }

  /**
   * Deletes at most {@code limit} of an org's audit entries before {@code cutoff} through the
   * backend's one way past the append-only guard, inside the caller's transaction.
   *
   * @param c the connection, scoped to the org
   * @param orgId the org
   * @param cutoff entries strictly before this go
   * @param limit the most deleted
   * @return the number deleted
   * @throws SQLException when the database refuses
   */
  protected abstract int expireAudit(Connection c, String orgId, Instant cutoff, int limit)
      throws SQLException;

  @Override
  public OptionalLong purgePoint(String orgId, String sessionId) {
    return tx.readOrg(
        orgId,
        OptionalLong.empty(),
        c ->
            sql.one(
                    c,
                    "select first_kept_sequence from session_purge_points"
                        + " where org_id = ? and session_id = ?",
                    rs -> rs.getLong(1),
                    orgId,
                    sessionId)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty()));
  }

  @Override
  public int dropPartitionsBefore(Instant cutoff) {
    return 0;
  }

  @Override
  public long reclaimSpace() {
    return 0;
  }

  /**
   * Runs one statement of a backend subclass without a tenant scope.
   *
   * @param c the connection
   * @param statement the SQL
   * @throws SQLException when it fails
   */
  protected static void execute(Connection c, String statement) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
