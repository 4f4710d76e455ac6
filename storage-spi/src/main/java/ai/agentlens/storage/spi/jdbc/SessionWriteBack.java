package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How a backend writes the sessions one event write folded back to the {@code sessions} table: the
 * one step of the write whose fastest SQL differs most between databases. {@link
 * JdbcSessionWriteBack} (a JDBC batch of single-row UPDATEs) is the portable default; a backend
 * hands its own to {@link JdbcEventStore}.
 *
 * <p>Contract: runs inside the write transaction, on rows that the same transaction created or
 * locked; updates every given row by (org, id) and nothing else; must not commit. It may leave
 * {@code started_at} unwritten for a row whose {@link SessionRow#startMoved} is false. Rows arrive
 * in session-id order, so implementations that keep it take row locks in a consistent order.
 */
@FunctionalInterface
public interface SessionWriteBack {

  /**
   * Updates the sessions.
   *
   * @param c the write transaction's connection
   * @param rows one row per session, never empty
   * @throws SQLException from the driver
   */
  void update(Connection c, List<SessionRow> rows) throws SQLException;
}
