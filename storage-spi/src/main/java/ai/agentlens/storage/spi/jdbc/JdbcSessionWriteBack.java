package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The portable {@link SessionWriteBack}: one JDBC batch of single-row UPDATEs. */
public final class JdbcSessionWriteBack implements SessionWriteBack {

  private static final String UPDATE =
      "update sessions set agent_name = ?, started_at = ?, ended_at = ?, last_event_at = ?,"
          + " status = ?, event_count = ?, tool_call_count = ?, error_count = ?,"
          + " total_cost_usd = ?, llm_call_count = ?, total_input_tokens = ?,"
          + " total_output_tokens = ?, tags = ?, last_sequence = ?, last_hash = ?"
          + " where org_id = ? and id = ?";

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
    sql.batch(
        c,
        UPDATE,
        rows,
        (p, r) ->
            p.text(r.agentName())
                .instant(r.startedAt())
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
                .text(r.lastHash())
                .text(r.orgId())
                .text(r.id()));
  }
}
