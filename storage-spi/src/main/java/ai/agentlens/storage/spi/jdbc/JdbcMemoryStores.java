package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.memory.MemoryStores;

/** Builds the portable {@link MemoryStores} of a backend. */
public final class JdbcMemoryStores {

  private JdbcMemoryStores() {}

  /**
   * Creates the stores on a backend's transactions and dialect.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @return the stores
   */
  public static MemoryStores create(Transactor tx, Sql sql) {
    return new MemoryStores(new JdbcSessionSummaryStore(tx, sql), new JdbcReflectReads(tx, sql));
  }
}
