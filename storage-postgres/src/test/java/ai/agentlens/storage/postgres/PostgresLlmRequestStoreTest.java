package ai.agentlens.storage.postgres;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.storage.contract.LlmRequestStoreContract;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.spi.jdbc.JdbcLlmRequestStore;
import ai.agentlens.storage.spi.jdbc.Sql;

/** The test kit's {@link LlmRequestStoreContract} on Postgres. */
class PostgresLlmRequestStoreTest extends LlmRequestStoreContract {
  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }

  @Override
  protected LlmRequestStore bounded(int window, int ranked, int cap) {
    return new JdbcLlmRequestStore(
        ((PostgresStorageProvider) provider).transactor(),
        new Sql(new PostgresDialect()),
        new PostgresLlmFullText(),
        window,
        ranked,
        cap);
  }
}
