package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Row mappers and column lists of the event-side tables, shared by the stores that read them. */
public final class Rows {

  /** Event columns, in insert order. */
  public static final String EVENT_COLUMNS =
      "org_id, id, session_id, agent_id, event_type, severity, ts, payload, metadata, sequence,"
          + " prev_hash, hash, hash_version, hash_source";

  /** Session columns. */
  public static final String SESSION_COLUMNS =
      "org_id, id, agent_id, agent_name, started_at, ended_at, last_event_at, status,"
          + " event_count, tool_call_count, error_count, total_cost_usd, llm_call_count,"
          + " total_input_tokens, total_output_tokens, tags, last_sequence, last_hash";

  /** Agent columns. */
  public static final String AGENT_COLUMNS =
      "org_id, id, name, first_seen_at, last_seen_at, session_count";

  private final Dialect d;

  /**
   * Creates the mappers.
   *
   * @param dialect the backend dialect
   */
  public Rows(Dialect dialect) {
    this.d = dialect;
  }

  /**
   * Maps an event row.
   *
   * @param rs the row
   * @return the event
   * @throws SQLException from the driver
   */
  public Event event(ResultSet rs) throws SQLException {
    return new Event(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("session_id"),
        rs.getString("agent_id"),
        EventType.fromWireName(rs.getString("event_type")).orElseThrow(),
        Severity.fromWireName(rs.getString("severity")).orElseThrow(),
        d.getInstant(rs, "ts"),
        JsonDoc.of(rs.getString("payload")),
        JsonDoc.of(rs.getString("metadata")),
        rs.getLong("sequence"),
        rs.getString("prev_hash"),
        rs.getString("hash"),
        rs.getInt("hash_version"),
        rs.getString("hash_source"));
  }

  /**
   * Maps a session row.
   *
   * @param rs the row
   * @return the session
   * @throws SQLException from the driver
   */
  public Session session(ResultSet rs) throws SQLException {
    return new Session(
        rs.getString("org_id"),
        rs.getString("id"),
        rs.getString("agent_id"),
        rs.getString("agent_name"),
        d.getInstant(rs, "started_at"),
        d.getInstant(rs, "ended_at"),
        d.getInstant(rs, "last_event_at"),
        SessionStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getLong("event_count"),
        rs.getLong("tool_call_count"),
        rs.getLong("error_count"),
        rs.getDouble("total_cost_usd"),
        rs.getLong("llm_call_count"),
        rs.getLong("total_input_tokens"),
        rs.getLong("total_output_tokens"),
        Json.parseStringArray(rs.getString("tags")),
        rs.getLong("last_sequence"),
        rs.getString("last_hash"));
  }

  /**
   * Maps an agent row.
   *
   * @param rs the row
   * @return the agent
   * @throws SQLException from the driver
   */
  public Agent agent(ResultSet rs) throws SQLException {
    return new Agent(
        rs.getString("org_id"),
        rs.getString("id"),
        rs.getString("name"),
        d.getInstant(rs, "first_seen_at"),
        d.getInstant(rs, "last_seen_at"),
        rs.getLong("session_count"));
  }
}
