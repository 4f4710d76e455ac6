package ai.agentlens.storage.contract;

/** {@link UsageLedgerContract} on Postgres. */
class PostgresUsageLedgerTest extends UsageLedgerContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
