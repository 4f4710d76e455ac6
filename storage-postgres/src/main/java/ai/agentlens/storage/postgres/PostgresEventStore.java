package ai.agentlens.storage.postgres;

import ai.agentlens.core.event.AppendResult;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.spi.jdbc.Chunks;
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
import java.util.function.Predicate;

/**
 * The event log on PostgreSQL: partitions ensured before the write, ids claimed in {@code
 * event_keys} (the exact (org_id, id) idempotency key), events written as multi-row INSERTs (the
 * inherited JDBC batch, rewritten by pgjdbc's {@code reWriteBatchedInserts}), sessions written back
 * by {@link PostgresSessionWriteBack}.
 *
 * <p>why: not COPY — PostgreSQL refuses {@code COPY FROM} into a table with row-level security for
 * any role that does not bypass it, and the application role must not.
 */
final class PostgresEventStore extends JdbcEventStore {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  // why: concurrent workers adding to one hot roll-up row (org, agent, model, hour) would queue on
  // its row lock until commit; spreading a key over a few rows lets them proceed (readers sum)
  static final int ROLLUP_SHARDS = 8;

  private final PostgresPartitions partitions;

  PostgresEventStore(Transactor tx, Sql sql, Clock clock, PostgresPartitions partitions) {
    super(tx, sql, clock, new PostgresSessionWriteBack(), ROLLUP_SHARDS);
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
  protected Predicate<String> claimNewIds(Connection c, String orgId, List<Event> candidates)
      throws SQLException {
    List<String> fresh = new ArrayList<>(candidates.size());
    for (List<Event> chunk : Chunks.of(candidates, 5000)) {
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
    if (fresh.size() == candidates.size()) {
      return newIdsBut(Set.of());
    }
    Set<String> claimed = new HashSet<>(fresh);
    return claimed::contains;
  }

  @Override
  protected String findSql() {
    // why: event_keys gives the timestamp, which prunes the partitions the lookup visits
    return "select e.org_id, e.id, e.session_id, e.agent_id, e.event_type, e.severity, e.ts,"
        + " e.payload, e.metadata, e.sequence, e.prev_hash, e.hash, e.hash_version, e.hash_source"
        + " from event_keys k join events e on e.org_id = k.org_id and e.ts = k.ts and e.id = k.id"
        + " where k.org_id = ? and k.id = ?";
  }
}
