package ai.agentlens.storage.sqlite;

import ai.agentlens.core.error.AccessDeniedException;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.StorageException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.storage.spi.jdbc.SqlErrorTranslator;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** xerial reports SQLite result codes, not SQLSTATEs: translate those. */
final class SqliteErrorTranslator extends SqlErrorTranslator {

  @Override
  protected StorageException vendor(SQLException e) {
    if (!(e instanceof SQLiteException se)) {
      return null;
    }
    SQLiteErrorCode code = se.getResultCode();
    String msg = firstLine(e);
    if (msg.contains("append-only")) {
      return new AccessDeniedException("refused by the database: " + msg, e);
    }
    return switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY ->
          new ConflictException("already exists: " + msg, false, e);
      case SQLITE_CONSTRAINT_CHECK,
          SQLITE_CONSTRAINT_NOTNULL,
          SQLITE_CONSTRAINT_FOREIGNKEY,
          SQLITE_TOOBIG,
          SQLITE_MISMATCH ->
          new InvalidInputException("rejected by the database: " + msg, e);
      case SQLITE_CONSTRAINT_TRIGGER -> new AccessDeniedException("refused: " + msg, e);
      default -> new StorageUnavailableException("SQLite error: " + msg, e);
    };
  }
}
