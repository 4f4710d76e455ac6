package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.memory.model.KeyEvent;
import ai.agentlens.core.memory.model.Outcome;
import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.memory.model.SummarySearch;
import ai.agentlens.core.port.memory.SessionSummaryStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SessionSummaryStore} in portable SQL (table {@code session_summaries}). Lists are JSON
 * text; the upsert is {@code insert … on conflict do update}; text search counts, per row, the
 * terms its lower-cased {@code search_text} contains (the dialect's literal "contains", so {@code
 * %} and {@code _} match only themselves) and keeps rows with at least one.
 */
public class JdbcSessionSummaryStore implements SessionSummaryStore {

  private static final String COLUMNS =
      "org_id, session_id, agent_id, user_id, started_at, ended_at, summary, topics,"
          + " tool_sequence, error_summary, outcome, event_count, error_count, key_events,"
          + " search_text, created_at";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcSessionSummaryStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void upsert(SessionSummary s) {
    String org = Tenancy.require(s.orgId());
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into session_summaries ("
                    + COLUMNS
                    + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    + " on conflict (org_id, session_id) do update set agent_id = excluded.agent_id,"
                    + " user_id = excluded.user_id, started_at = excluded.started_at,"
                    + " ended_at = excluded.ended_at, summary = excluded.summary,"
                    + " topics = excluded.topics, tool_sequence = excluded.tool_sequence,"
                    + " error_summary = excluded.error_summary, outcome = excluded.outcome,"
                    + " event_count = excluded.event_count, error_count = excluded.error_count,"
                    + " key_events = excluded.key_events, search_text = excluded.search_text,"
                    + " created_at = excluded.created_at",
                org,
                s.sessionId(),
                s.agentId(),
                s.userId(),
                s.startedAt(),
                Sql.instantOrNull(s.endedAt()),
                s.summary(),
                Json.stringArray(s.topics()),
                Json.stringArray(s.toolSequence()),
                s.errorSummary(),
                s.outcome().wireName(),
                s.eventCount(),
                s.errorCount(),
                keyEvents(s.keyEvents()),
                searchText(s),
                s.createdAt()));
  }

  @Override
  public Optional<SessionSummary> find(String orgId, String sessionId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from session_summaries where org_id = ? and session_id = ?",
                this::row,
                orgId,
                sessionId));
  }

  @Override
  public List<SessionSummary> search(SummarySearch q) {
    if (q.terms().isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    List<String> hits = new ArrayList<>();
    for (String term : q.terms()) {
      hits.add("(case when " + sql.dialect().containsParam("search_text") + " then 1 else 0 end)");
      args.add(term.toLowerCase(Locale.ROOT));
    }
    StringBuilder where = new StringBuilder(" where org_id = ?");
    args.add(q.orgId());
    if (q.agentId() != null) {
      where.append(" and agent_id = ?");
      args.add(q.agentId());
    }
    if (q.userId() != null) {
      where.append(" and user_id = ?");
      args.add(q.userId());
    }
    if (q.from() != null) {
      where.append(" and started_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and started_at < ?");
      args.add(q.to());
    }
    args.add(q.limit());
    String query =
        "select * from (select "
            + COLUMNS
            + ", "
            + String.join(" + ", hits)
            + " as hits from session_summaries"
            + where
            + ") s where hits > 0 order by hits desc, started_at desc, session_id limit ?";
    return tx.readOrg(q.orgId(), List.of(), c -> sql.list(c, query, this::row, args.toArray()));
  }

  private SessionSummary row(ResultSet rs) throws SQLException {
    return new SessionSummary(
        rs.getString("org_id"),
        rs.getString("session_id"),
        rs.getString("agent_id"),
        rs.getString("user_id"),
        sql.dialect().getInstant(rs, "started_at"),
        sql.dialect().getInstant(rs, "ended_at"),
        rs.getString("summary"),
        Json.parseStringArray(rs.getString("topics")),
        Json.parseStringArray(rs.getString("tool_sequence")),
        rs.getString("error_summary"),
        Outcome.parse(rs.getString("outcome")).orElseThrow(),
        rs.getInt("event_count"),
        rs.getInt("error_count"),
        keyEvents(rs.getString("key_events")),
        sql.dialect().getInstant(rs, "created_at"));
  }

  private static String searchText(SessionSummary s) {
    return String.join(
            "\n",
            s.summary(),
            String.join(" ", s.topics()),
            String.join(" ", s.toolSequence()),
            s.errorSummary() == null ? "" : s.errorSummary())
        .toLowerCase(Locale.ROOT);
  }

  private static String keyEvents(List<KeyEvent> events) {
    List<Object> out = new ArrayList<>();
    for (KeyEvent e : events) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", e.id());
      o.put("eventType", e.eventType());
      o.put("summary", e.summary());
      o.put("timestamp", e.timestamp().toString());
      out.add(JsonObject.of(o));
    }
    return JsonWriter.write(JsonArray.of(out));
  }

  private static List<KeyEvent> keyEvents(String text) {
    List<KeyEvent> out = new ArrayList<>();
    if (JsonReader.read(text) instanceof JsonArray a) {
      for (Object o : a) {
        JsonObject e = (JsonObject) o;
        out.add(
            new KeyEvent(
                e.string("id"),
                e.string("eventType"),
                e.string("summary"),
                Instant.parse(e.string("timestamp"))));
      }
    }
    return out;
  }
}
