package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.analytics.LlmUsageQuery;
import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.CheckedEvent;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.WindowCount;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.EventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@link EventStore} with its write algorithm written once: validate, then in one transaction per
 * call and per org: lock the sessions' chain tails ({@link SessionWriter}), claim the event ids
 * (idempotency), chain and insert the new events, write the sessions back (the backend's {@link
 * SessionWriteBack}), upsert agents, add usage and add the analytics roll-ups ({@link RollupTable}:
 * the new events folded in memory, then additive multi-row upserts in key order). Backends override
 * the id claim and the bulk insert where their SQL differs.
 *
 * <p>why: roll-ups in the same transaction as the events, so they can never diverge from them (a
 * duplicate or a rolled-back batch is never counted) and never lag.
 */
public class JdbcEventStore implements EventStore {

  private final Transactor tx;
  private final Sql sql;
  private final Rows rows;
  private final Clock clock;
  private final SessionWriter sessions;
  private final EventQueries queries;
  private final WindowCounts windows;
  private final LlmUsageQueries llm;
  private final RollupLlmUsage rolledUp;
  private volatile int rollupShards;
  private volatile boolean writeRollups = true;
  private volatile JdbcLlmLogInbox llmLogInbox;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param clock time of writing, for usage hours
   */
  public JdbcEventStore(Transactor tx, Sql sql, Clock clock) {
    this(tx, sql, clock, new JdbcSessionWriteBack(sql));
  }

  /**
   * Creates the store with a backend's own session write-back.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param clock time of writing, for usage hours
   * @param sessionWriteBack how folded sessions are written back
   */
  public JdbcEventStore(Transactor tx, Sql sql, Clock clock, SessionWriteBack sessionWriteBack) {
    this(tx, sql, clock, sessionWriteBack, 1);
  }

  /**
   * Creates the store with a backend's own session write-back and roll-up sharding.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param clock time of writing, for usage hours
   * @param sessionWriteBack how folded sessions are written back
   * @param rollupShards how many rows one roll-up key is spread over (1 with a single writer; more
   *     where concurrent writers would otherwise queue on one hot row's lock)
   */
  public JdbcEventStore(
      Transactor tx, Sql sql, Clock clock, SessionWriteBack sessionWriteBack, int rollupShards) {
    if (rollupShards < 1) {
      throw new IllegalArgumentException("rollupShards must be >= 1");
    }
    this.rollupShards = rollupShards;
    this.tx = tx;
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
    this.clock = clock;
    this.sessions = new SessionWriter(sql, sessionWriteBack);
    this.queries = new EventQueries(sql);
    this.windows = new WindowCounts(sql);
    this.llm = new LlmUsageQueries(sql);
    this.rolledUp = new RollupLlmUsage(sql, llm);
  }

  /**
   * Benchmark-only switch: stops (or resumes) writing the analytics roll-ups, so one sitting can
   * measure ingest with and without them. Off, the roll-ups miss every event written meanwhile
   * until rebuilt; no product code calls this.
   *
   * @param on whether appends write roll-ups
   */
  public void writeRollups(boolean on) {
    this.writeRollups = on;
  }

  /**
   * Notes the LLM events of every append in the LLM request log's inbox, in the append's
   * transaction, whenever that inbox is open.
   *
   * @param inbox the inbox
   */
  public void noteLlmEventsIn(JdbcLlmLogInbox inbox) {
    this.llmLogInbox = inbox;
  }

  /**
   * Benchmark-only switch: changes how many rows one roll-up key is spread over, so one sitting can
   * measure hot-row contention with and without sharding. Readers sum over shards, so any value
   * keeps the roll-ups correct; no product code calls this.
   *
   * @param shards at least 1
   */
  public void rollupShards(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1");
    }
    this.rollupShards = shards;
  }

  @Override
  public AppendResult append(List<EventBatch> batches) {
    // why: validation parses each payload once, outside the transaction; the writer reuses the
    // parsed tree and the canonical hash input (CheckedEvent) while it holds the session locks
    Map<String, List<OrgAppend.Batch>> byOrg = new TreeMap<>();
    for (EventBatch b : batches) {
      Tenancy.require(b.orgId());
      List<CheckedEvent> checked = new ArrayList<>(b.events().size());
      b.events().forEach(e -> checked.add(EventRules.validate(b.orgId(), e)));
      byOrg
          .computeIfAbsent(b.orgId(), k -> new ArrayList<>())
          .add(new OrgAppend.Batch(b.apiKeyId(), checked));
    }
    if (byOrg.isEmpty()) {
      return new AppendResult(List.of(), List.of());
    }
    List<OrgAppend> orgs = new ArrayList<>(byOrg.size());
    byOrg.forEach((org, checked) -> orgs.add(new OrgAppend(org, checked)));
    return tx.write(
        Scope.NONE,
        c -> {
          List<Event> stored = new ArrayList<>();
          List<String> duplicates = new ArrayList<>();
          List<Written> written = new ArrayList<>(orgs.size());
          for (OrgAppend org : orgs) {
            tx.rescope(c, Scope.org(org.orgId()));
            written.add(appendOrg(c, org, duplicates));
          }
          // why: usage, roll-up and agent rows are shared by every writer of an org; updated last,
          // their row locks are held only until the commit that follows, not for the whole write
          // (2 cloud worker processes waited on the agents upsert in 183 of 255 samples before)
          for (Written w : written) {
            tx.rescope(c, Scope.org(w.orgId()));
            countShared(c, w);
            stored.addAll(w.chained());
          }
          return new AppendResult(stored, duplicates);
        });
  }

  /** One org's events as stored by this write, and what they add to the shared rows. */
  private record Written(String orgId, List<Event> chained, SharedCounts counts) {}

  private Written appendOrg(Connection c, OrgAppend org, List<String> dups) throws SQLException {
    String orgId = org.orgId();
    dups.addAll(org.repeated());
    // why: lock tails first (sorted), so concurrent writers of a session serialize before the claim
    var tails = sessions.lock(c, orgId, org.bySession());
    Predicate<String> isNew = claimNewIds(c, orgId, org.candidates());
    List<Event> chained = new ArrayList<>();
    for (Map.Entry<String, List<CheckedEvent>> s : org.bySession().entrySet()) {
      List<CheckedEvent> news = new ArrayList<>(s.getValue().size());
      for (CheckedEvent e : s.getValue()) {
        if (isNew.test(e.event().id())) {
          news.add(e);
        } else {
          dups.add(e.event().id());
        }
      }
      chained.addAll(tails.extend(s.getKey(), news));
    }
    insertEvents(c, chained);
    JdbcLlmLogInbox inbox = llmLogInbox;
    if (inbox != null) {
      inbox.note(c, orgId, chained);
    }
    tails.writeBack(c);
    return new Written(orgId, chained, org.counts(chained));
  }

  /**
   * Updates the rows every writer of the org shares: the API keys' usage, the roll-up buckets (in
   * this thread's shard) and the agents, in that order and each sorted by key, so two writers lock
   * them in one order.
   */
  private void countShared(Connection c, Written w) throws SQLException {
    if (w.chained().isEmpty()) {
      return;
    }
    addUsage(c, w.orgId(), w.counts().perKey());
    if (writeRollups) {
      int shard = RollupShard.of(rollupShards);
      RollupTable.HOURLY.upsert(sql, c, w.orgId(), shard, w.counts().hourly());
      RollupTable.DAILY.upsert(sql, c, w.orgId(), shard, w.counts().daily());
    }
    sessions.upsertAgents(c, w.counts().agents());
  }

  /**
   * Claims event ids: tells which candidates are not stored yet in the org. Runs after the sessions
   * are locked.
   *
   * @param c the connection
   * @param orgId the org
   * @param candidates events with distinct ids
   * @return true for the id of a candidate to store, false for one stored before; only asked about
   *     the candidates' ids
   * @throws SQLException from the driver
   */
  protected Predicate<String> claimNewIds(Connection c, String orgId, List<Event> candidates)
      throws SQLException {
    Set<String> stored = new HashSet<>();
    Dialect d = sql.dialect();
    for (List<Event> chunk : Chunks.of(candidates, 500)) {
      List<String> ids = new ArrayList<>(chunk.size());
      chunk.forEach(e -> ids.add(e.id()));
      stored.addAll(
          sql.list(
              c,
              "select id from events where org_id = ? and " + d.keyIn("id", ids.size()),
              rs -> rs.getString(1),
              d.orgAndKeys(orgId, ids)));
    }
    return newIdsBut(stored);
  }

  /**
   * The test {@link #claimNewIds} returns when {@code stored} holds the candidates stored before.
   *
   * @param stored those ids, usually none
   * @return true for every other candidate id
   */
  protected static Predicate<String> newIdsBut(Set<String> stored) {
    // why: a set of every candidate cost the SQLite writer ~1 % of its time: ULIDs minted in one
    // burst share String hash codes (2,355 distinct of 3,000), so its buckets turned into trees
    return stored.isEmpty() ? id -> true : id -> !stored.contains(id);
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
    if (sql.dialect().keysSessions()) {
      insertKeyed(c, chained, json);
      return;
    }
    sql.batch(
        c,
        "insert into events ("
            + Rows.EVENT_COLUMNS
            + ") values (?,?,?,?,?,?,?,"
            + json
            + ","
            + json
            + ",?,?,?,?,?)",
        chained,
        JdbcEventStore::bindEvent);
  }

  /** Inserts chained events of one org with their session keys ({@link Dialect#keysSessions()}). */
  private void insertKeyed(Connection c, List<Event> chained, String json) throws SQLException {
    if (chained.isEmpty()) {
      return;
    }
    Map<String, Long> keys =
        SessionEvents.keys(
            sql, c, chained.get(0).orgId(), chained.stream().map(Event::sessionId).toList());
    sql.batch(
        c,
        "insert into events ("
            + Rows.EVENT_COLUMNS
            + ", session_key) values (?,?,?,?,?,?,?,"
            + json
            + ","
            + json
            + ",?,?,?,?,?,?)",
        chained,
        (p, e) -> {
          bindEvent(p, e);
          p.int64(keys.get(e.sessionId()));
        });
  }

  /**
   * Binds an event in {@link Rows#EVENT_COLUMNS} order.
   *
   * @param p the parameter cursor
   * @param e the chained event
   * @throws SQLException from the driver
   */
  private static void bindEvent(Params p, Event e) throws SQLException {
    p.text(e.orgId())
        .text(e.id())
        .text(e.sessionId())
        .text(e.agentId())
        .text(e.eventType().wireName())
        .text(e.severity().wireName())
        .instant(e.timestamp())
        .text(e.payload().text())
        .text(e.metadata().text())
        .int64(e.sequence())
        .text(e.prevHash())
        .text(e.hash())
        .int64(e.hashVersion())
        .text(e.hashSource());
  }

  private void addUsage(Connection c, String orgId, Map<String, Long> perKey) throws SQLException {
    var hour = clock.now().truncatedTo(ChronoUnit.HOURS);
    sql.batch(
        c,
        "insert into usage_records (org_id, hour, api_key_id, event_count) values (?,?,?,?)"
            + " on conflict (org_id, hour, api_key_id)"
            + " do update set event_count = usage_records.event_count + excluded.event_count",
        List.copyOf(perKey.entrySet()),
        (p, k) -> p.text(orgId).instant(hour).text(k.getKey()).int64(k.getValue()));
  }

  @Override
  public Optional<Event> find(String orgId, String eventId) {
    return tx.readOrg(
        orgId, Optional.empty(), c -> sql.one(c, findSql(), rows::event, orgId, eventId));
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
  public List<Event> exportPage(
      String orgId,
      Instant from,
      Instant to,
      String afterSessionId,
      long afterSequence,
      int limit) {
    return tx.readOrg(
        orgId,
        List.of(),
        c -> queries.exportPage(c, orgId, from, to, afterSessionId, afterSequence, limit));
  }

  @Override
  public List<Event> timeline(String orgId, String sessionId, long afterSequence, int limit) {
    return tx.readOrg(
        orgId, List.of(), c -> queries.timeline(c, orgId, sessionId, afterSequence, limit));
  }

  @Override
  public List<LlmUsage> llmUsage(String orgId, LlmUsageQuery query) {
    return tx.readOrg(orgId, List.of(), c -> rolledUp.usage(c, orgId, query));
  }

  @Override
  public List<Event> query(String orgId, EventQuery q) {
    return tx.readOrg(orgId, List.of(), c -> queries.page(c, orgId, q));
  }

  @Override
  public long count(String orgId, EventQuery q) {
    return tx.readOrg(orgId, 0L, c -> queries.count(c, orgId, q));
  }

  @Override
  public List<WindowCount> windowCounts(
      String orgId, String agentId, List<Instant> starts, Instant to) {
    List<WindowCount> none = starts.stream().map(s -> new WindowCount(s, 0, 0, 0)).toList();
    return tx.readOrg(orgId, none, c -> windows.count(c, orgId, agentId, starts, to));
  }
}
