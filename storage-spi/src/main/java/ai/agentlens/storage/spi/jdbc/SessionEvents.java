package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How SQL finds one session's events, on backends with and without {@link Dialect#keysSessions()
 * session keys}: the predicate every read by session uses, and the key assignment of the insert.
 */
public final class SessionEvents {

  private SessionEvents() {}

  /**
   * Returns the predicate that selects the events of one session. Where sessions are {@link
   * Dialect#keysSessions() keyed}, {@code org} and {@code session} each appear twice in it: bind
   * {@link #args} in their place.
   *
   * @param d the dialect
   * @param events the events table's alias with its dot ({@code "e."}), or {@code ""}
   * @param org the org: {@code ?} or a column of an outer query, a constant of the caller
   * @param session the session id, likewise
   * @return the predicate
   */
  public static String of(Dialect d, String events, String org, String session) {
    if (!d.keysSessions()) {
      return events + "org_id = " + org + " and " + events + "session_id = " + session;
    }
    return ofKey(events, key(org, session));
  }

  /**
   * Returns the scalar subquery that gives one session's key, on backends that {@link
   * Dialect#keysSessions() key sessions}.
   *
   * @param org the org: {@code ?} or a column of an outer query, a constant of the caller
   * @param session the session id, likewise
   * @return the subquery, in parentheses
   */
  static String key(String org, String session) {
    return "(select sk.skey from session_keys sk where sk.org_id = "
        + org
        + " and sk.session_id = "
        + session
        + ")";
  }

  /**
   * Returns the values to bind for {@link #of of(d, events, "?", "?")}, in order.
   *
   * @param d the dialect
   * @param org the org
   * @param session the session id
   * @return the values
   */
  public static List<Object> args(Dialect d, String org, String session) {
    return d.keysSessions() ? List.of(org, session, org, session) : List.of(org, session);
  }

  /**
   * Returns the predicate that selects the events of one session key, on backends that {@link
   * Dialect#keysSessions() key sessions}: the entries of {@code event_sessions} and the rows stored
   * since it was last brought up to date ({@link #indexStored}), which are a short rowid range.
   *
   * @param events the events table's alias with its dot, or {@code ""}
   * @param key the key: a column of an outer query or a scalar subquery (it appears twice)
   * @return the predicate
   */
  static String ofKey(String events, String key) {
    // why: "+" keeps SQLite from building an automatic index on session_key for the recent rows;
    // they are found by their rowid range, and session_key is checked on each
    return events
        + "rowid in (select es.event_rowid from event_sessions es where es.session_key = "
        + key
        + " union all select t.rowid from events t where t.rowid > "
        + MARK
        + " and +t.session_key = "
        + key
        + ")";
  }

  /** The last rowid of {@code events} that has its entry in {@code event_sessions}. */
  static final String MARK = "(select m.indexed_to from event_sessions_mark m)";

  /**
   * Gives the events stored since the last call their entries in {@code event_sessions}, sorted, in
   * the caller's transaction, and moves the mark past them (only on backends that {@link
   * Dialect#keysSessions() key sessions}; elsewhere it does nothing). Reads by session are correct
   * whether or not this has run; it keeps the rows they scan by rowid few. At most {@code max}
   * rowids are taken per call.
   *
   * @param sql the SQL helper
   * @param c the write transaction's connection
   * @param max the most rowids to take
   * @return the number of events given entries
   * @throws SQLException from the driver, e.g. when two events share a session's sequence
   */
  public static int indexStored(Sql sql, Connection c, long max) throws SQLException {
    if (!sql.dialect().keysSessions()) {
      return 0;
    }
    long mark =
        sql.one(c, "select indexed_to from event_sessions_mark", rs -> rs.getLong(1)).orElseThrow();
    long top =
        sql.one(c, "select coalesce(max(rowid), 0) from events", rs -> rs.getLong(1)).orElse(0L);
    long to = top - mark <= max ? top : mark + max;
    if (to <= mark) {
      return 0;
    }
    // why: sorted, so each session's leaf of event_sessions is written once per call, not once per
    // event as an index on events was in every commit
    int n =
        sql.update(
            c,
            "insert into event_sessions (session_key, sequence, event_rowid)"
                + " select session_key, sequence, rowid from events where rowid > ? and rowid <= ?"
                + " order by session_key, sequence",
            mark,
            to);
    sql.update(c, "update event_sessions_mark set indexed_to = ?", to);
    return n;
  }

  /**
   * Gives every session of one org a key where it has none yet and returns the keys, for the insert
   * of their events (only on backends that {@link Dialect#keysSessions() key sessions}).
   *
   * @param sql the SQL helper
   * @param c the write transaction's connection
   * @param orgId the org
   * @param sessionIds the sessions (any order, repeats allowed)
   * @return the key of each session
   * @throws SQLException from the driver
   */
  static Map<String, Long> keys(Sql sql, Connection c, String orgId, List<String> sessionIds)
      throws SQLException {
    List<String> distinct = sortedDistinct(sessionIds);
    Map<String, Long> keys = read(sql, c, orgId, distinct);
    if (keys.size() == distinct.size()) {
      return keys;
    }
    // why: read first, insert only the new sessions: at steady state every session has its key,
    // and one read of all of them costs the writer less than a probing insert per session (the
    // conflict clause keeps a backend with concurrent writers correct; SQLite has one writer)
    List<String> missing = distinct.stream().filter(s -> !keys.containsKey(s)).toList();
    sql.batch(
        c,
        "insert into session_keys (org_id, session_id) values (?, ?)"
            + " on conflict (org_id, session_id) do nothing",
        missing,
        (p, s) -> p.text(orgId).text(s));
    keys.putAll(read(sql, c, orgId, missing));
    return keys;
  }

  /**
   * Returns the distinct ids in order.
   *
   * @param ids ids in any order, repeats allowed
   * @return each once, sorted
   */
  static List<String> sortedDistinct(List<String> ids) {
    // why: the writer passes one id per event, already sorted (events are chained session by
    // session); a TreeSet of them was ~3 % of the SQLite writer's Java samples, a check is O(n)
    String[] a = ids.toArray(new String[0]);
    for (int i = 1; i < a.length; i++) {
      if (a[i - 1].compareTo(a[i]) > 0) {
        Arrays.sort(a);
        break;
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || !a[i].equals(a[i - 1])) {
        out.add(a[i]);
      }
    }
    return out;
  }

  private static Map<String, Long> read(Sql sql, Connection c, String orgId, List<String> ids)
      throws SQLException {
    Map<String, Long> keys = new HashMap<>();
    for (List<String> chunk : Chunks.of(ids, 500)) {
      sql.list(
              c,
              "select session_id, skey from session_keys where org_id = ? and "
                  + sql.dialect().keyIn("session_id", chunk.size()),
              rs -> Map.entry(rs.getString(1), rs.getLong(2)),
              sql.dialect().orgAndKeys(orgId, chunk))
          .forEach(e -> keys.put(e.getKey(), e.getValue()));
    }
    return keys;
  }
}
