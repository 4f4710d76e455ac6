package ai.agentlens.storage.contract;

/** {@link InvitationStoreContract} on Sqlite. */
class SqliteInvitationStoreTest extends InvitationStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
