package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.incident.IncidentStores;

/** Builds the portable {@link IncidentStores} of a backend. */
public final class JdbcIncidentStores {

  private JdbcIncidentStores() {}

  /**
   * Creates the stores on a backend's transactions and dialect.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @return the stores
   */
  public static IncidentStores create(Transactor tx, Sql sql) {
    return new IncidentStores(
        new JdbcIncidentStore(tx, sql),
        new JdbcIncidentRuleStore(tx, sql),
        new JdbcHourlyAgentSeries(tx, sql),
        new JdbcWebhookSecretStore(tx, sql),
        new JdbcRootCauseStore(tx, sql),
        new JdbcAgentSettingsStore(tx, sql),
        new JdbcRemediationStore(tx, sql));
  }
}
