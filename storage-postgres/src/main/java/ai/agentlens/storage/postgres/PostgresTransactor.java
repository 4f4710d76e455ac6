package ai.agentlens.storage.postgres;

import ai.agentlens.core.error.StorageException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.storage.spi.jdbc.Dialect;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.SqlWork;
import ai.agentlens.storage.spi.jdbc.Transactor;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every unit of work is one transaction on a pooled connection of the application role, and its
 * first statement sets the tenant with {@code set_config(..., true)}: transaction-local, so a
 * pooled connection never carries one tenant's scope into the next unit (FR-43). A background unit
 * waits until no other write of this process is in flight, at most {@link #BACKGROUND_MAX_WAIT}.
 */
final class PostgresTransactor implements Transactor {

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final AtomicInteger writing = new AtomicInteger();

  PostgresTransactor(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  @Override
  public <T> T write(Scope scope, SqlWork<T> work) {
    writing.incrementAndGet();
    try {
      return run(scope, work);
    } finally {
      writing.decrementAndGet();
    }
  }

  // why: PostgreSQL's CPU is what bounds ingest; the request log's runs took ~28 % of it at
  // saturation (ingest 14,500 -> 10,400 events/s) when they ran as soon as they were ready, and
  // like SQLite's background units they now go in the gaps between this process's writes
  @Override
  public <T> T writeInBackground(Scope scope, SqlWork<T> work) {
    long deadline = System.nanoTime() + BACKGROUND_MAX_WAIT.toNanos();
    while (writing.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageUnavailableException("interrupted while waiting to write", e);
      }
    }
    return run(scope, work);
  }

  /**
   * Counts the writes of this process in flight (for tests).
   *
   * @return the number
   */
  int writesInFlight() {
    return writing.get();
  }

  @Override
  public <T> T read(Scope scope, SqlWork<T> work) {
    return run(scope, work);
  }

  private <T> T run(Scope scope, SqlWork<T> work) {
    if (pool.isClosed()) {
      throw new StorageUnavailableException("PostgreSQL store is closed", null);
    }
    try (Connection c = pool.getConnection()) {
      try {
        rescope(c, scope);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (Throwable t) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          t.addSuppressed(suppressed);
        }
        throw t;
      }
    } catch (StorageException e) {
      throw e;
    } catch (SQLException e) {
      throw dialect.errors().translate(e);
    }
  }

  @Override
  public void rescope(Connection c, Scope scope) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select set_config('app.current_org', ?, true),"
                + " set_config('app.current_user', ?, true)")) {
      ps.setString(1, scope.orgId() == null ? "" : scope.orgId());
      ps.setString(2, scope.userId() == null ? "" : scope.userId());
      ps.execute();
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
