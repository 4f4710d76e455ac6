package ai.agentlens.storage.contract;

/** {@link MembershipStoreContract} on Postgres. */
class PostgresMembershipStoreTest extends MembershipStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
