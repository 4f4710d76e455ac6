package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.JdbcApiKeyStore;
import ai.agentlens.storage.spi.jdbc.Sql;
import ai.agentlens.storage.spi.jdbc.Transactor;

/**
 * API keys on PostgreSQL: the cross-org prefix lookup goes through the owner's SECURITY DEFINER
 * function, since Row-Level Security hides other orgs' keys from the application role.
 */
final class PostgresApiKeyStore extends JdbcApiKeyStore {

  PostgresApiKeyStore(Transactor tx, Sql sql) {
    super(tx, sql);
  }

  @Override
  protected String prefixLookupSql() {
    return "select " + COLUMNS + " from api_key_by_prefix(?)";
  }
}
