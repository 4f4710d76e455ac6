package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.CheckedEvent;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.EventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link EventStore} with its write algorithm written once: validate, then in one transaction per
 * call and per org: lock the sessions' chain tails ({@link SessionWriter}), claim the event ids
 * (idempotency), chain and insert the new events, write the sessions back, upsert agents and add
 * usage. Backends override the id claim and the bulk insert where their SQL differs.
 */
public class JdbcEventStore implements EventStore {

  private final Transactor tx;
  private final Sql sql;
  private final Rows rows;
  private final Clock clock;
  private final SessionWriter sessions;
  private final EventQueries queries;
  private final LlmUsageQueries llm;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param clock time of writing, for usage hours
   */
  public JdbcEventStore(Transactor tx, Sql sql, Clock clock) {
    this.tx = tx;
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
    this.clock = clock;
    this.sessions = new SessionWriter(sql, this::updateSessions);
    this.queries = new EventQueries(sql);
    this.llm = new LlmUsageQueries(sql);
  }

  @Override
  public AppendResult append(List<EventBatch> batches) {
    // why: validation parses each payload once, outside the transaction; the writer reuses the
    // parsed tree and the canonical hash input (CheckedEvent) while it holds the session locks
    Map<String, List<Checked>> byOrg = new TreeMap<>();
    for (EventBatch b : batches) {
      Tenancy.require(b.orgId());
      List<CheckedEvent> checked = new ArrayList<>(b.events().size());
      b.events().forEach(e -> checked.add(EventRules.validate(b.orgId(), e)));
      byOrg
          .computeIfAbsent(b.orgId(), k -> new ArrayList<>())
          .add(new Checked(b.apiKeyId(), checked));
    }
    if (byOrg.isEmpty()) {
      return new AppendResult(List.of(), List.of());
    }
    return tx.write(
        Scope.NONE,
        c -> {
          List<Event> stored = new ArrayList<>();
          List<String> duplicates = new ArrayList<>();
          for (Map.Entry<String, List<Checked>> org : byOrg.entrySet()) {
            tx.rescope(c, Scope.org(org.getKey()));
            appendOrg(c, org.getKey(), org.getValue(), stored, duplicates);
          }
          return new AppendResult(stored, duplicates);
        });
  }

  private record Checked(String apiKeyId, List<CheckedEvent> events) {}

  private void appendOrg(
      Connection c, String orgId, List<Checked> batches, List<Event> out, List<String> dups)
      throws SQLException {
    Map<String, CheckedEvent> unique = new LinkedHashMap<>();
    Map<String, String> keyOf = new java.util.HashMap<>();
    for (Checked b : batches) {
      for (CheckedEvent e : b.events()) {
        if (unique.putIfAbsent(e.event().id(), e) != null) {
          dups.add(e.event().id());
        } else {
          keyOf.put(e.event().id(), b.apiKeyId() == null ? "" : b.apiKeyId());
        }
      }
    }
    Map<String, List<CheckedEvent>> bySession = new TreeMap<>();
    List<Event> candidates = new ArrayList<>(unique.size());
    for (CheckedEvent e : unique.values()) {
      bySession.computeIfAbsent(e.event().sessionId(), k -> new ArrayList<>()).add(e);
      candidates.add(e.event());
    }
    // why: lock tails first (sorted), so concurrent writers of a session serialize before the claim
    var tails = sessions.lock(c, orgId, bySession);
    Set<String> fresh = claimNewIds(c, orgId, candidates);
    List<Event> chained = new ArrayList<>();
    for (Map.Entry<String, List<CheckedEvent>> s : bySession.entrySet()) {
      List<CheckedEvent> news = new ArrayList<>(s.getValue().size());
      for (CheckedEvent e : s.getValue()) {
        if (fresh.contains(e.event().id())) {
          news.add(e);
        } else {
          dups.add(e.event().id());
        }
      }
      chained.addAll(tails.extend(s.getKey(), news));
    }
    insertEvents(c, chained);
    tails.writeBack(c);
    sessions.upsertAgents(c, chained);
    addUsage(c, orgId, chained, keyOf);
    out.addAll(chained);
  }

  /**
   * Claims event ids: returns those not stored yet in the org. Runs after the sessions are locked.
   *
   * @param c the connection
   * @param orgId the org
   * @param candidates events with distinct ids
   * @return the ids to store
   * @throws SQLException from the driver
   */
  protected Set<String> claimNewIds(Connection c, String orgId, List<Event> candidates)
      throws SQLException {
    Set<String> fresh = new HashSet<>();
    candidates.forEach(e -> fresh.add(e.id()));
    for (List<Event> chunk : chunks(candidates, 500)) {
      Object[] args = new Object[chunk.size() + 1];
      args[0] = orgId;
      for (int i = 0; i < chunk.size(); i++) {
        args[i + 1] = chunk.get(i).id();
      }
      sql.list(
              c,
              "select id from events where org_id = ? and id in ("
                  + Sql.placeholders(chunk.size())
                  + ")",
              rs -> rs.getString(1),
              args)
          .forEach(fresh::remove);
    }
    return fresh;
  }

  /**
   * Writes the folded sessions of one write back (a JDBC batch of single-row updates by default).
   *
   * @param c the connection
   * @param rows one row per session: agent_name, started_at, ended_at, last_event_at, status,
   *     event_count, tool_call_count, error_count, total_cost_usd, llm_call_count,
   *     total_input_tokens, total_output_tokens, tags, last_sequence, last_hash, org_id, id (as
   *     {@link Sql#bind} takes them; ended_at may be {@link Sql.Null#INSTANT})
   * @throws SQLException from the driver
   */
  protected void updateSessions(Connection c, List<Object[]> rows) throws SQLException {
    sql.batch(c, SessionWriter.UPDATE_SQL, rows);
  }

  /**
   * Inserts chained events (a JDBC batch of single-row inserts by default).
   *
   * @param c the connection
   * @param chained the events
   * @throws SQLException from the driver
   */
  protected void insertEvents(Connection c, List<Event> chained) throws SQLException {
    String json = sql.dialect().jsonParam();
    List<Object[]> args = new ArrayList<>(chained.size());
    for (Event e : chained) {
      args.add(
          new Object[] {
            e.orgId(),
            e.id(),
            e.sessionId(),
            e.agentId(),
            e.eventType().wireName(),
            e.severity().wireName(),
            e.timestamp(),
            e.payload().text(),
            e.metadata().text(),
            e.sequence(),
            e.prevHash(),
            e.hash()
          });
    }
    sql.batch(
        c,
        "insert into events ("
            + Rows.EVENT_COLUMNS
            + ") values (?,?,?,?,?,?,?,"
            + json
            + ","
            + json
            + ",?,?,?)",
        args);
  }

  private void addUsage(Connection c, String orgId, List<Event> chained, Map<String, String> keyOf)
      throws SQLException {
    Map<String, Long> perKey = new TreeMap<>();
    chained.forEach(e -> perKey.merge(keyOf.get(e.id()), 1L, Long::sum));
    var hour = clock.now().truncatedTo(ChronoUnit.HOURS);
    List<Object[]> args = new ArrayList<>();
    perKey.forEach((key, n) -> args.add(new Object[] {orgId, hour, key, n}));
    sql.batch(
        c,
        "insert into usage_records (org_id, hour, api_key_id, event_count) values (?,?,?,?)"
            + " on conflict (org_id, hour, api_key_id)"
            + " do update set event_count = usage_records.event_count + excluded.event_count",
        args);
  }

  @Override
  public Optional<Event> find(String orgId, String eventId) {
    if (Tenancy.none(orgId)) {
      return Optional.empty();
    }
    return tx.read(Scope.org(orgId), c -> sql.one(c, findSql(), rows::event, orgId, eventId));
  }

  /**
   * Returns the SQL that reads one event by org and id (two parameters).
   *
   * @return the SQL
   */
  protected String findSql() {
    return "select " + Rows.EVENT_COLUMNS + " from events where org_id = ? and id = ?";
  }

  @Override
  public List<Event> timeline(String orgId, String sessionId, long afterSequence, int limit) {
    if (Tenancy.none(orgId)) {
      return List.of();
    }
    return tx.read(
        Scope.org(orgId), c -> queries.timeline(c, orgId, sessionId, afterSequence, limit));
  }

  @Override
  public List<LlmUsage> llmUsage(String orgId, LlmUsageQuery query) {
    if (Tenancy.none(orgId)) {
      return List.of();
    }
    return tx.read(Scope.org(orgId), c -> llm.usage(c, orgId, query));
  }

  @Override
  public List<Event> query(String orgId, EventQuery q) {
    if (Tenancy.none(orgId)) {
      return List.of();
    }
    return tx.read(Scope.org(orgId), c -> queries.page(c, orgId, q));
  }

  @Override
  public long count(String orgId, EventQuery q) {
    if (Tenancy.none(orgId)) {
      return 0;
    }
    return tx.read(Scope.org(orgId), c -> queries.count(c, orgId, q));
  }

  /**
   * Splits a list into chunks.
   *
   * @param list the list
   * @param size chunk size
   * @param <T> element type
   * @return the chunks
   */
  protected static <T> List<List<T>> chunks(List<T> list, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      out.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return out;
  }
}
