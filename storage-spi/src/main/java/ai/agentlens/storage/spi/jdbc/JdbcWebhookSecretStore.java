package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.incident.WebhookSecretStore;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link WebhookSecretStore} in portable SQL (tables {@code incident_webhook_secrets} and {@code
 * incident_webhook_seen}); replays are caught by the seen table's primary key.
 */
public class JdbcWebhookSecretStore implements WebhookSecretStore {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcWebhookSecretStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void put(String orgId, String secret, Instant at) {
    String org = Tenancy.require(orgId);
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into incident_webhook_secrets (org_id, secret, created_at) values (?,?,?)"
                    + " on conflict (org_id) do update set secret = excluded.secret,"
                    + " created_at = excluded.created_at",
                org,
                secret,
                at));
  }

  @Override
  public Optional<String> secret(String orgId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select secret from incident_webhook_secrets where org_id = ?",
                rs -> rs.getString(1),
                orgId));
  }

  @Override
  public boolean firstUse(String orgId, String signature, Instant at, Instant forgetBefore) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
        Scope.org(orgId),
        c -> {
          sql.update(
              c,
              "delete from incident_webhook_seen where org_id = ? and seen_at < ?",
              orgId,
              forgetBefore);
          return sql.update(
                  c,
                  "insert into incident_webhook_seen (org_id, signature, seen_at) values (?,?,?)"
                      + " on conflict (org_id, signature) do nothing",
                  orgId,
                  signature,
                  at)
              == 1;
        });
  }
}
