package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.AccessDeniedException;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.StorageException;
import ai.agentlens.core.error.StorageUnavailableException;
import java.sql.SQLException;

/**
 * Translates {@link SQLException}s into the domain's {@link StorageException} family by SQLSTATE
 * (SQL standard classes, as PostgreSQL reports them). Backends whose driver reports vendor codes
 * instead override {@link #vendor}.
 */
public class SqlErrorTranslator {

  /**
   * Translates an exception.
   *
   * @param e the driver's exception
   * @return the storage exception to throw
   */
  public StorageException translate(SQLException e) {
    StorageException byVendor = vendor(e);
    if (byVendor != null) {
      return byVendor;
    }
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = firstLine(e);
    if (state.equals("23505")) {
      return new ConflictException("already exists: " + msg, false, e);
    }
    if (state.equals("40001") || state.equals("40P01")) {
      return new ConflictException("concurrent transaction conflict: " + msg, true, e);
    }
    if (state.startsWith("23") || state.startsWith("22")) {
      return new InvalidInputException("rejected by the database: " + msg, e);
    }
    if (state.equals("42501") || state.equals("P0001") && msg.contains("append-only")) {
      return new AccessDeniedException("refused by the database: " + msg, e);
    }
    return new StorageUnavailableException("database error: " + msg, e);
  }

  /**
   * Hook for vendor codes.
   *
   * @param e the driver's exception
   * @return the translation, or {@code null} to use SQLSTATE
   */
  protected StorageException vendor(SQLException e) {
    return null;
  }

  /**
   * Returns the first line of an exception's message.
   *
   * @param e the exception
   * @return a one-line message
   */
  protected static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m).trim();
  }
}
