package ai.agentlens.storage.contract;

/** {@link InvitationStoreContract} on Postgres. */
class PostgresInvitationStoreTest extends InvitationStoreContract {
  @Override
  protected Backend backend() {
    return Backend.POSTGRES;
  }
}
