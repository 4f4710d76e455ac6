package ai.agentlens.storage.postgres;

import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.spi.jdbc.JdbcEventStore;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The event log on PostgreSQL: partitions ensured before the write, ids claimed in {@code
 * event_keys} (the exact (org_id, id) idempotency key), events written as multi-row INSERTs (the
 * inherited JDBC batch, rewritten by pgjdbc's {@code reWriteBatchedInserts}).
 *
 * <p>why: not COPY — PostgreSQL refuses {@code COPY FROM} into a table with row-level security for
 * any role that does not bypass it, and the application role must not.
 */
final class PostgresEventStore extends JdbcEventStore {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private final PostgresPartitions partitions;

  PostgresEventStore(Transactor tx, Sql sql, Clock clock, PostgresPartitions partitions) {
    super(tx, sql, clock);
    this.partitions = partitions;
  }

  @Override
  public AppendResult append(List<EventBatch> batches) {
    List<java.time.Instant> times = new ArrayList<>();
    batches.forEach(b -> b.events().forEach(e -> times.add(e.timestamp())));
    partitions.ensureFor(times);
    return super.append(batches);
  }

  @Override
  protected Set<String> claimNewIds(Connection c, String orgId, List<Event> candidates)
      throws SQLException {
    Set<String> fresh = new HashSet<>();
    for (List<Event> chunk : chunks(candidates, 5000)) {
      String[] ids = new String[chunk.size()];
      String[] times = new String[chunk.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = chunk.get(i).id();
        times[i] = ISO.format(chunk.get(i).timestamp());
      }
      Array idArray = c.createArrayOf("text", ids);
      Array tsArray = c.createArrayOf("text", times);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into event_keys (org_id, id, ts)"
                  + " select ?, k.id, cast(k.ts as timestamptz)"
                  + " from unnest(cast(? as text[]), cast(? as text[])) as k(id, ts)"
                  + " order by k.id on conflict do nothing returning id")) {
        ps.setString(1, orgId);
        ps.setArray(2, idArray);
        ps.setArray(3, tsArray);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            fresh.add(rs.getString(1));
          }
        }
      } finally {
        idArray.free();
        tsArray.free();
      }
    }
    return fresh;
  }

  /**
   * One UPDATE ... FROM unnest(arrays) for every session of the write.
   *
   * <p>why: under ingest load a worker's write touches ~2,000 sessions; as a JDBC batch of
   * single-row updates that was the whole transaction's time (measured: workers sampled in the
   * session write-back 36 of 40 times, the other worker waiting for its row locks), so the cloud
   * worker stored far fewer events per second than the gateway accepted.
   */
  @Override
  protected void updateSessions(Connection c, List<Object[]> rows) throws SQLException {
    int n = rows.size();
    String[][] text = new String[7][n];
    Long[][] longs = new Long[8][n];
    Double[] cost = new Double[n];
    for (int i = 0; i < n; i++) {
      Object[] r = rows.get(i);
      text[0][i] = (String) r[0]; // agent_name
      text[1][i] = iso(r[1]); // started_at
      text[2][i] = iso(r[2]); // ended_at
      text[3][i] = iso(r[3]); // last_event_at
      text[4][i] = (String) r[4]; // status
      longs[0][i] = (Long) r[5];
      longs[1][i] = (Long) r[6];
      longs[2][i] = (Long) r[7];
      cost[i] = (Double) r[8];
      longs[3][i] = (Long) r[9];
      longs[4][i] = (Long) r[10];
      longs[5][i] = (Long) r[11];
      text[5][i] = (String) r[12]; // tags
      longs[6][i] = (Long) r[13];
      text[6][i] = (String) r[14]; // last_hash
    }
    List<Array> arrays = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "update sessions s set agent_name = v.agent_name,"
                + " started_at = cast(v.started_at as timestamptz),"
                + " ended_at = cast(v.ended_at as timestamptz),"
                + " last_event_at = cast(v.last_event_at as timestamptz), status = v.status,"
                + " event_count = v.event_count, tool_call_count = v.tool_call_count,"
                + " error_count = v.error_count, total_cost_usd = v.total_cost_usd,"
                + " llm_call_count = v.llm_call_count,"
                + " total_input_tokens = v.total_input_tokens,"
                + " total_output_tokens = v.total_output_tokens, tags = v.tags,"
                + " last_sequence = v.last_sequence, last_hash = v.last_hash"
                + " from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]),"
                + " cast(? as text[]), cast(? as text[]), cast(? as bigint[]),"
                + " cast(? as bigint[]), cast(? as bigint[]), cast(? as float8[]),"
                + " cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),"
                + " cast(? as text[]), cast(? as bigint[]), cast(? as text[]),"
                + " cast(? as text[]), cast(? as text[]))"
                + " as v(agent_name, started_at, ended_at, last_event_at, status, event_count,"
                + " tool_call_count, error_count, total_cost_usd, llm_call_count,"
                + " total_input_tokens, total_output_tokens, tags, last_sequence, last_hash,"
                + " org_id, id)"
                + " where s.org_id = v.org_id and s.id = v.id")) {
      String[] orgIds = new String[n];
      String[] ids = new String[n];
      for (int i = 0; i < n; i++) {
        orgIds[i] = (String) rows.get(i)[15];
        ids[i] = (String) rows.get(i)[16];
      }
      Object[][] columns = {
        text[0], text[1], text[2], text[3], text[4], longs[0], longs[1], longs[2], cost, longs[3],
        longs[4], longs[5], text[5], longs[6], text[6], orgIds, ids
      };
      String[] types = {
        "text", "text", "text", "text", "text", "int8", "int8", "int8", "float8", "int8", "int8",
        "int8", "text", "int8", "text", "text", "text"
      };
      for (int k = 0; k < columns.length; k++) {
        Array a = c.createArrayOf(types[k], columns[k]);
        arrays.add(a);
        ps.setArray(k + 1, a);
      }
      ps.executeUpdate();
    } finally {
      for (Array a : arrays) {
        a.free();
      }
    }
  }

  private static String iso(Object instantOrNull) {
    return instantOrNull instanceof java.time.Instant t ? ISO.format(t) : null;
  }

  @Override
  protected String findSql() {
    // why: event_keys gives the timestamp, which prunes the partitions the lookup visits
    return "select e.org_id, e.id, e.session_id, e.agent_id, e.event_type, e.severity, e.ts,"
        + " e.payload, e.metadata, e.sequence, e.prev_hash, e.hash"
        + " from event_keys k join events e on e.org_id = k.org_id and e.ts = k.ts and e.id = k.id"
        + " where k.org_id = ? and k.id = ?";
  }
}
