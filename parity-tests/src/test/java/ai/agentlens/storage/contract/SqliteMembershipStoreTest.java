package ai.agentlens.storage.contract;

/** {@link MembershipStoreContract} on Sqlite. */
class SqliteMembershipStoreTest extends MembershipStoreContract {
  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }
}
