package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.alerting.AlertingStores;

/** Builds the portable {@link AlertingStores} of a backend. */
public final class JdbcAlertingStores {

  private JdbcAlertingStores() {}

  /**
   * Creates the stores on a backend's transactions and dialect.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @return the stores
   */
  public static AlertingStores create(Transactor tx, Sql sql) {
    return new AlertingStores(
        new JdbcHealthSnapshotStore(tx, sql),
        new JdbcAlertRuleStore(tx, sql),
        new JdbcAlertHistory(tx, sql),
        new JdbcAlertMetrics(tx, sql),
        new JdbcHealthAggregates(tx, sql));
  }
}
