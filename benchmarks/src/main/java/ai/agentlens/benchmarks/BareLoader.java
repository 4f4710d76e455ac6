package ai.agentlens.benchmarks;

import ai.agentlens.core.event.Event;
import ai.agentlens.testing.TestDatabase;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.postgresql.PGConnection;

/** The "bare" baseline: the same rows into a table of the same shape, no store logic. */
interface BareLoader {

  /**
   * Loads the rows in batches of 1,000.
   *
   * @param rows the rows
   * @return rows per second
   * @throws Exception on failure
   */
  double load(List<Event> rows) throws Exception;

  /** Batched prepared INSERTs, one transaction per 1,000 rows, same pragmas and indexes. */
  record SqliteInsert(Path file) implements BareLoader {
    @Override
    public double load(List<Event> rows) throws Exception {
      try (Connection c =
          ai.agentlens.storage.sqlite.SqliteStorageProvider.dataSource(file).getConnection()) {
        try (Statement st = c.createStatement()) {
          st.execute(
              "create table events (org_id text not null, id text not null, session_id"
                  + " text not null, agent_id text not null, event_type text not null, severity text"
                  + " not null, ts integer not null, payload text not null, metadata text not null,"
                  + " sequence integer not null, prev_hash text, hash text not null)");
          st.execute("create unique index e0 on events (org_id, id)");
          st.execute("create index e1 on events (org_id, ts)");
          st.execute("create unique index e2 on events (org_id, session_id, sequence)");
          st.execute("create index e3 on events (org_id, agent_id, ts)");
          st.execute("create index e4 on events (org_id, event_type, ts)");
        }
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement ps =
            c.prepareStatement("insert into events values (?,?,?,?,?,?,?,?,?,?,?,?)")) {
          for (int i = 0; i < rows.size(); i++) {
            Event e = rows.get(i);
            ps.setString(1, e.orgId());
            ps.setString(2, e.id());
            ps.setString(3, e.sessionId());
            ps.setString(4, e.agentId());
            ps.setString(5, e.eventType().wireName());
            ps.setString(6, e.severity().wireName());
            ps.setLong(7, e.timestamp().toEpochMilli() * 1000);
            ps.setString(8, e.payload().text());
            ps.setString(9, e.metadata().text());
            ps.setLong(10, i + 1);
            ps.setString(11, null);
            ps.setString(12, "0".repeat(64));
            ps.addBatch();
            if ((i + 1) % 1000 == 0 || i == rows.size() - 1) {
              ps.executeBatch();
              c.commit();
            }
          }
        }
        return rows.size() / ((System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /** COPY of 1,000 rows per statement into a table of the same columns and indexes, no RLS. */
  record PostgresCopy(TestDatabase db) implements BareLoader {
    @Override
    public double load(List<Event> rows) throws Exception {
      try (Connection c = db.connect()) {
        try (Statement st = c.createStatement()) {
          st.execute(
              "create table bare_events (org_id text not null, id text not null,"
                  + " session_id text not null, agent_id text not null, event_type text not null,"
                  + " severity text not null, ts timestamptz not null, payload jsonb not null,"
                  + " metadata jsonb not null, sequence bigint not null, prev_hash text,"
                  + " hash text not null, primary key (org_id, id))");
          st.execute("create index b1 on bare_events (org_id, ts)");
          st.execute("create index b2 on bare_events (org_id, session_id, sequence)");
          st.execute("create index b3 on bare_events (org_id, agent_id, ts)");
          st.execute("create index b4 on bare_events (org_id, event_type, ts)");
        }
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        long t0 = System.nanoTime();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
          Event e = rows.get(i);
          sb.append(e.orgId())
              .append('\t')
              .append(e.id())
              .append('\t')
              .append(e.sessionId())
              .append('\t')
              .append(e.agentId())
              .append('\t')
              .append(e.eventType().wireName())
              .append('\t')
              .append(e.severity().wireName())
              .append('\t')
              .append(DateTimeFormatter.ISO_INSTANT.format(e.timestamp()))
              .append('\t')
              .append(e.payload().text().replace("\\", "\\\\"))
              .append('\t')
              .append(e.metadata().text().replace("\\", "\\\\"))
              .append('\t')
              .append(i + 1)
              .append("\t\\N\t")
              .append("0".repeat(64))
              .append('\n');
          if ((i + 1) % 1000 == 0 || i == rows.size() - 1) {
            copy.copyIn(
                "copy bare_events from stdin (format text)", new StringReader(sb.toString()));
            sb.setLength(0);
          }
        }
        return rows.size() / ((System.nanoTime() - t0) / 1e9);
      }
    }
  }
}
