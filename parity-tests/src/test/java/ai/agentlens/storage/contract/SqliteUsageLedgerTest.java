package ai.agentlens.storage.contract;

/** {@link UsageLedgerContract} on Sqlite. */
class SqliteUsageLedgerTest extends UsageLedgerContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
