package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.SessionRow;
import ai.agentlens.storage.spi.jdbc.SessionWriteBack;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Writes every session of one event write back with one {@code UPDATE ... FROM unnest(arrays)}: one
 * array parameter per column, one statement whatever the number of sessions.
 *
 * <p>why: under ingest load a worker's write touches ~2,000 sessions; as a JDBC batch of single-row
 * updates that was the whole transaction's time (measured: workers sampled in the session
 * write-back 36 of 40 times, the other worker waiting for its row locks), so the cloud worker
 * stored far fewer events per second than the gateway accepted.
 */
final class PostgresSessionWriteBack implements SessionWriteBack {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private static final String UPDATE =
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
          + " where s.org_id = v.org_id and s.id = v.id";

  @Override
  public void update(Connection c, List<SessionRow> rows) throws SQLException {
    List<Array> arrays = new ArrayList<>(17);
    try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
      Columns cols = new Columns(c, rows, arrays);
      cols.text(SessionRow::agentName);
      cols.text(r -> iso(r.startedAt()));
      cols.text(r -> iso(r.endedAt()));
      cols.text(r -> iso(r.lastEventAt()));
      cols.text(SessionRow::status);
      cols.int8(SessionRow::eventCount);
      cols.int8(SessionRow::toolCallCount);
      cols.int8(SessionRow::errorCount);
      cols.float8(SessionRow::totalCostUsd);
      cols.int8(SessionRow::llmCallCount);
      cols.int8(SessionRow::totalInputTokens);
      cols.int8(SessionRow::totalOutputTokens);
      cols.text(SessionRow::tags);
      cols.int8(SessionRow::lastSequence);
      cols.text(SessionRow::lastHash);
      cols.text(SessionRow::orgId);
      cols.text(SessionRow::id);
      for (int k = 0; k < arrays.size(); k++) {
        ps.setArray(k + 1, arrays.get(k));
      }
      ps.executeUpdate();
    } finally {
      for (Array a : arrays) {
        a.free();
      }
    }
  }

  /** Builds one SQL array per column, in the order of the statement's placeholders. */
  private record Columns(Connection c, List<SessionRow> rows, List<Array> out) {

    void text(Function<SessionRow, String> column) throws SQLException {
      String[] values = new String[rows.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = column.apply(rows.get(i));
      }
      out.add(c.createArrayOf("text", values));
    }

    void int8(ToLongFunction<SessionRow> column) throws SQLException {
      Long[] values = new Long[rows.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = column.applyAsLong(rows.get(i));
      }
      out.add(c.createArrayOf("int8", values));
    }

    void float8(ToDoubleFunction<SessionRow> column) throws SQLException {
      Double[] values = new Double[rows.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = column.applyAsDouble(rows.get(i));
      }
      out.add(c.createArrayOf("float8", values));
    }
  }

  private static String iso(Instant t) {
    return t == null ? null : ISO.format(t);
  }
}
