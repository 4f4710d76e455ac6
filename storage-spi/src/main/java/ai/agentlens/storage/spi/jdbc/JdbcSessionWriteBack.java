package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The portable {@link SessionWriteBack}: JDBC batches of single-row UPDATEs. A row whose start did
 * not move is updated without {@code started_at}.
 *
 * <p>why: SQLite rewrites an index entry for every indexed column named in an UPDATE's SET list,
 * changed or not; with {@code started_at} always set, each write deleted and re-inserted two
 * entries per session in {@code sessions_org_started} and {@code sessions_org_agent} (~33 dirty
 * pages per commit at half rate). A start moves only for an event older than the session's first.
 */
public final class JdbcSessionWriteBack implements SessionWriteBack {

  private static final String SET =
      "update sessions set agent_name = ?, ended_at = ?, last_event_at = ?,"
          + " status = ?, event_count = ?, tool_call_count = ?, error_count = ?,"
          + " total_cost_usd = ?, llm_call_count = ?, total_input_tokens = ?,"
          + " total_output_tokens = ?, tags = ?, last_sequence = ?, last_hash = ?";
  private static final String WHERE = " where org_id = ? and id = ?";
  private static final String UPDATE_KEEPING_START = SET + WHERE;
  private static final String UPDATE_MOVING_START = SET + ", started_at = ?" + WHERE;

  private final Sql sql;

  /**
   * Creates the write-back.
   *
   * @param sql SQL helper
   */
  public JdbcSessionWriteBack(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void update(Connection c, List<SessionRow> rows) throws SQLException {
    List<SessionRow> keeping = new ArrayList<>(rows.size());
    List<SessionRow> moving = new ArrayList<>();
    for (SessionRow r : rows) {
      (r.startMoved() ? moving : keeping).add(r);
    }
    sql.batch(
        c, UPDATE_KEEPING_START, keeping, (p, r) -> bindSet(p, r).text(r.orgId()).text(r.id()));
    sql.batch(
        c,
        UPDATE_MOVING_START,
        moving,
        (p, r) -> bindSet(p, r).instant(r.startedAt()).text(r.orgId()).text(r.id()));
  }

  private static Params bindSet(Params p, SessionRow r) throws SQLException {
    return p.text(r.agentName())
        .instant(r.endedAt())
        .instant(r.lastEventAt())
        .text(r.status())
        .int64(r.eventCount())
        .int64(r.toolCallCount())
        .int64(r.errorCount())
        .real(r.totalCostUsd())
        .int64(r.llmCallCount())
        .int64(r.totalInputTokens())
        .int64(r.totalOutputTokens())
        .text(r.tags())
        .int64(r.lastSequence())
        .text(r.lastHash());
  }
}
