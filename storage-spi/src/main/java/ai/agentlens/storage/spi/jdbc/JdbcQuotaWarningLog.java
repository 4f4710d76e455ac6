package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.port.quota.QuotaWarningLog;
import java.time.Instant;

/**
 * {@link QuotaWarningLog} in portable SQL (table {@code quota_warnings}): the primary key (org,
 * period) makes the insert the atomic claim.
 */
public class JdbcQuotaWarningLog implements QuotaWarningLog {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the log.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcQuotaWarningLog(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public boolean claim(String orgId, String period, Instant at) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c -> {
              if (sql.one(c, "select id from orgs where id = ?", rs -> rs.getString(1), orgId)
                  .isEmpty()) {
                throw new NotFoundException("no org " + orgId);
              }
              return sql.update(
                  c,
                  "insert into quota_warnings (org_id, period, sent_at) values (?,?,?)"
                      + " on conflict (org_id, period) do nothing",
                  orgId,
                  period,
                  at);
            })
        == 1;
  }

  @Override
  public boolean claimed(String orgId, String period) {
    return tx.readOrg(
        orgId,
        false,
        c ->
            sql.one(
                    c,
                    "select 1 from quota_warnings where org_id = ? and period = ?",
                    rs -> 1,
                    orgId,
                    period)
                .isPresent());
  }
}
