package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.port.quota.OverageCapStore;
import java.time.Instant;
import java.util.Optional;

/** {@link OverageCapStore} in portable SQL (table {@code org_overage_caps}). */
public class JdbcOverageCapStore implements OverageCapStore {

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcOverageCapStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public Optional<OverageCap> find(String orgId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select multiplier, events from org_overage_caps where org_id = ?",
                rs -> {
                  int m = rs.getInt("multiplier");
                  Integer multiplier = rs.wasNull() ? null : m;
                  long e = rs.getLong("events");
                  Long events = rs.wasNull() ? null : e;
                  return new OverageCap(multiplier, events);
                },
                orgId));
  }

  @Override
  public void set(String orgId, OverageCap cap, Instant at) {
    String id = Tenancy.require(orgId);
    tx.write(
        Scope.org(id),
        c -> {
          if (sql.one(c, "select id from orgs where id = ?", rs -> rs.getString(1), id).isEmpty()) {
            throw new NotFoundException("no org " + id);
          }
          return sql.update(
              c,
              "insert into org_overage_caps (org_id, multiplier, events, updated_at)"
                  + " values (?,?,?,?) on conflict (org_id) do update set multiplier ="
                  + " excluded.multiplier, events = excluded.events, updated_at ="
                  + " excluded.updated_at",
              id,
              Sql.intOrNull(cap.multiplier()),
              cap.events() == null ? Sql.Null.INTEGER : cap.events(),
              at);
        });
  }
}
