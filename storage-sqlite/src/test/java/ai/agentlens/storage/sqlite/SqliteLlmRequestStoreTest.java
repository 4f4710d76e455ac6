package ai.agentlens.storage.sqlite;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.storage.contract.LlmRequestStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.spi.jdbc.JdbcLlmRequestStore;
import ai.agentlens.storage.spi.jdbc.Sql;

/** The test kit's {@link LlmRequestStoreContract} on Sqlite. */
class SqliteLlmRequestStoreTest extends LlmRequestStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return SqliteBackend.open(clock);
  }

  @Override
  protected LlmRequestStore bounded(int window, int ranked, int cap) {
    return new JdbcLlmRequestStore(
        ((SqliteStorageProvider) provider).transactor(),
        new Sql(new SqliteDialect()),
        new SqliteLlmFullText(),
        window,
        ranked,
        cap);
  }
}
