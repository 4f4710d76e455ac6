package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.port.storage.FeatureOverrideStore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@link FeatureOverrideStore} in portable SQL (table {@code org_features}). */
public class JdbcFeatureOverrideStore implements FeatureOverrideStore {

  private record Row(String feature, boolean enabled) {}

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcFeatureOverrideStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public Map<Feature, Boolean> find(String orgId) {
    List<Row> rows =
        tx.readOrg(
            orgId,
            List.of(),
            c ->
                sql.list(
                    c,
                    "select feature, enabled from org_features where org_id = ?",
                    rs -> new Row(rs.getString("feature"), rs.getBoolean("enabled")),
                    orgId));
    Map<Feature, Boolean> out = new EnumMap<>(Feature.class);
    // why: a row for a feature this build does not know (written by a newer one) is ignored
    rows.forEach(r -> Feature.fromWireName(r.feature()).ifPresent(f -> out.put(f, r.enabled())));
    return out;
  }

  @Override
  public void set(String orgId, Feature feature, boolean enabled, Instant at) {
    String id = Tenancy.require(orgId);
    tx.write(
        Scope.org(id),
        c -> {
          if (sql.one(c, "select id from orgs where id = ?", rs -> rs.getString(1), id).isEmpty()) {
            throw new NotFoundException("no org " + id);
          }
          return sql.update(
              c,
              "insert into org_features (org_id, feature, enabled, updated_at) values (?,?,?,?)"
                  + " on conflict (org_id, feature) do update"
                  + " set enabled = excluded.enabled, updated_at = excluded.updated_at",
              id,
              feature.wireName(),
              enabled,
              at);
        });
  }

  @Override
  public boolean clear(String orgId, Feature feature) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c ->
                sql.update(
                    c,
                    "delete from org_features where org_id = ? and feature = ?",
                    orgId,
                    feature.wireName()))
        > 0;
  }
}
