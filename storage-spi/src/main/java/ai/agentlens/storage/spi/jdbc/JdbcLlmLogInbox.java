package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmLogInbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link LlmLogInbox} in portable SQL (table {@code llm_log_inbox}, V43). The event store calls
 * {@link #note} inside its write transaction. The orgs with notes are found by {@link
 * #PORTABLE_ORGS_SQL}, a skip scan over {@code (org_id, seq)}, or by the statement a backend with
 * row-level security gives instead (it must see every org's notes).
 */
public class JdbcLlmLogInbox implements LlmLogInbox {

  // why: bounds are bound as instants; a backend that stores coarser timestamps than Java's must
  // still find an event whose stored time rounded across the bound
  private static final Duration SLACK = Duration.ofMillis(1);
  private static final int NOTES_PER_READ = 64;

  /** Lists the orgs with notes, one probe of the index per org (one parameter: the limit). */
  public static final String PORTABLE_ORGS_SQL =
      "with recursive o(org_id) as ("
          + " select min(org_id) from llm_log_inbox"
          + " union all"
          + " select (select min(i.org_id) from llm_log_inbox i where i.org_id > o.org_id)"
          + " from o where o.org_id is not null)"
          + " select org_id from o where org_id is not null limit ?";

  /** Counts the notes of every org and finds the oldest one's time (no parameter). */
  public static final String PORTABLE_BACKLOG_SQL =
      "select count(*) as notes, min(noted_at) as oldest from llm_log_inbox";

  private final Transactor tx;
  private final Sql sql;
  private final Rows rows;
  private final Clock clock;
  private final String orgsSql;
  private final String backlogSql;
  private final AtomicBoolean open = new AtomicBoolean();

  /**
   * Creates the inbox, closed.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param clock stamps notes
   * @param orgsSql lists the orgs with notes, in org id order (one parameter: the limit); {@link
   *     #PORTABLE_ORGS_SQL} where the application's role sees every row
   * @param backlogSql one row: columns {@code notes} and {@code oldest} over every org's notes;
   *     {@link #PORTABLE_BACKLOG_SQL} where the application's role sees every row
   */
  public JdbcLlmLogInbox(Transactor tx, Sql sql, Clock clock, String orgsSql, String backlogSql) {
    this.tx = tx;
    this.orgsSql = orgsSql;
    this.backlogSql = backlogSql;
    this.sql = sql;
    this.rows = new Rows(sql.dialect());
    this.clock = clock;
  }

  @Override
  public void open(boolean on) {
    open.set(on);
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }

  /**
   * Notes the LLM events of one org's write, in the caller's transaction, when the inbox is open:
   * one row per {@value LlmLogInbox#MAX_EVENTS_PER_NOTE} of them.
   *
   * @param c the write transaction's connection, scoped to the org
   * @param orgId the org
   * @param stored the events the transaction stores, in storage order
   * @throws SQLException from the driver
   */
  public void note(Connection c, String orgId, List<Event> stored) throws SQLException {
    if (!open.get()) {
      return;
    }
    List<Event> llm = new ArrayList<>();
    for (Event e : stored) {
      if (e.eventType() == EventType.LLM_CALL || e.eventType() == EventType.LLM_RESPONSE) {
        llm.add(e);
      }
    }
    if (llm.isEmpty()) {
      return;
    }
    Instant now = clock.now();
    sql.batch(
        c,
        "insert into llm_log_inbox (org_id, event_ids, first_ts, last_ts, noted_at)"
            + " values (?,?,?,?,?)",
        Chunks.of(llm, MAX_EVENTS_PER_NOTE),
        (p, chunk) -> {
          Instant first = chunk.get(0).timestamp();
          Instant last = first;
          List<String> ids = new ArrayList<>(chunk.size());
          for (Event e : chunk) {
            ids.add(e.id());
            first = e.timestamp().isBefore(first) ? e.timestamp() : first;
            last = e.timestamp().isAfter(last) ? e.timestamp() : last;
          }
          p.text(orgId).text(Json.stringArray(ids)).instant(first).instant(last).instant(now);
        });
  }

  @Override
  public List<String> orgs(int limit) {
    return tx.read(Scope.NONE, c -> sql.list(c, orgsSql, rs -> rs.getString(1), limit));
  }

  private record Row(long seq, List<String> ids, Instant first, Instant last) {}

  @Override
  public Backlog backlog() {
    return tx.read(
        Scope.NONE,
        c ->
            sql.one(
                    c,
                    backlogSql,
                    rs -> {
                      long notes = rs.getLong("notes");
                      return new Backlog(
                          notes,
                          notes == 0
                              ? Optional.empty()
                              : Optional.of(sql.dialect().getInstant(rs, "oldest")));
                    })
                .orElseThrow(() -> new IllegalStateException("the backlog query returned no row")));
  }

  @Override
  public List<Note> next(String orgId, int maxEvents) {
    return tx.readOrg(
        orgId,
        List.of(),
        c -> {
          // why: the events read by id must not reuse a plan made while the table was small
          sql.planEachStatement(c);
          List<Row> notes = new ArrayList<>();
          int events = 0;
          for (Row r :
              sql.list(
                  c,
                  "select seq, event_ids, first_ts, last_ts from llm_log_inbox"
                      + " where org_id = ? order by seq limit ?",
                  rs ->
                      new Row(
                          rs.getLong(1),
                          Json.parseStringArray(rs.getString(2)),
                          sql.dialect().getInstant(rs, "first_ts"),
                          sql.dialect().getInstant(rs, "last_ts")),
                  orgId,
                  NOTES_PER_READ)) {
            if (!notes.isEmpty() && events + r.ids().size() > maxEvents) {
              break;
            }
            notes.add(r);
            events += r.ids().size();
          }
          Map<String, Event> byId = load(c, orgId, notes);
          List<Note> out = new ArrayList<>(notes.size());
          for (Row r : notes) {
            List<Event> found = new ArrayList<>(r.ids().size());
            r.ids().stream().map(byId::get).filter(e -> e != null).forEach(found::add);
            out.add(new Note(r.seq(), orgId, found));
          }
          return out;
        });
  }

  private Map<String, Event> load(Connection c, String orgId, List<Row> notes) throws SQLException {
    Map<String, Event> byId = new HashMap<>();
    for (Row r : notes) {
      Object[] args = new Object[r.ids().size() + 3];
      args[0] = orgId;
      args[1] = r.first().minus(SLACK);
      args[2] = r.last().plus(SLACK);
      for (int i = 0; i < r.ids().size(); i++) {
        args[i + 3] = r.ids().get(i);
      }
      for (Event e :
          sql.list(
              c,
              "select "
                  + Rows.EVENT_COLUMNS
                  + " from events where org_id = ? and ts >= ? and ts <= ? and id in ("
                  + Sql.placeholders(r.ids().size())
                  + ")",
              rows::event,
              args)) {
        byId.put(e.id(), e);
      }
    }
    return byId;
  }

  @Override
  public void settle(String orgId, List<Long> seqs) {
    if (seqs.isEmpty()) {
      return;
    }
    String org = Tenancy.require(orgId);
    Object[] args = new Object[seqs.size() + 1];
    args[0] = org;
    for (int i = 0; i < seqs.size(); i++) {
      args[i + 1] = seqs.get(i);
    }
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "delete from llm_log_inbox where org_id = ? and seq in ("
                    + Sql.placeholders(seqs.size())
                    + ")",
                args));
  }
}
