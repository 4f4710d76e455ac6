package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How SQL finds one session's events, on backends with and without {@link Dialect#keysSessions()
 * session keys}: the predicate every read by session uses, and the key assignment of the insert.
 */
public final class SessionEvents {

  private SessionEvents() {}

  /**
   * Returns the predicate that selects the events of one session.
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
    // why: an uncorrelated scalar subquery is evaluated once and then seeks (session_key, sequence)
    return events
        + "session_key = (select sk.skey from session_keys sk where sk.org_id = "
        + org
        + " and sk.session_id = "
        + session
        + ")";
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
    List<String> distinct = List.copyOf(new TreeSet<>(sessionIds));
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

  private static Map<String, Long> read(Sql sql, Connection c, String orgId, List<String> ids)
      throws SQLException {
    Map<String, Long> keys = new HashMap<>();
    for (List<String> chunk : Chunks.of(ids, 500)) {
      Object[] args = new Object[chunk.size() + 1];
      args[0] = orgId;
      for (int i = 0; i < chunk.size(); i++) {
        args[i + 1] = chunk.get(i);
      }
      sql.list(
              c,
              "select session_id, skey from session_keys where org_id = ? and session_id in ("
                  + Sql.placeholders(chunk.size())
                  + ")",
              rs -> Map.entry(rs.getString(1), rs.getLong(2)),
              args)
          .forEach(e -> keys.put(e.getKey(), e.getValue()));
    }
    return keys;
  }
}
