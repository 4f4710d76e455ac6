package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.storage.ApiKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ApiKeyStore} in portable SQL. The cross-org prefix lookup is a hook: PostgreSQL answers it
 * through a SECURITY DEFINER function, because Row-Level Security hides keys of other orgs.
 */
public class JdbcApiKeyStore implements ApiKeyStore {

  /** The columns every key query selects. */
  protected static final String COLUMNS =
      "id, org_id, key_prefix, key_hash, environment, name, scopes, created_by, created_at,"
          + " last_used_at, revoked_at, rate_limit_override";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcApiKeyStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void create(ApiKey k) {
    String org = Tenancy.require(k.orgId());
    Fields.required("id", k.id(), Fields.MAX_ID);
    if (k.prefix().length() != 16) {
      throw new InvalidInputException("prefix: must be exactly 16 characters");
    }
    Fields.required("prefix", k.prefix(), 16);
    Fields.required("keyHash", k.keyHash(), 200);
    Fields.required("name", k.name(), 200);
    k.scopes().forEach(s -> Fields.required("scopes[]", s, 64));
    if (k.rateLimitOverride() != null && k.rateLimitOverride() <= 0) {
      throw new InvalidInputException("rateLimitOverride: must be > 0");
    }
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into api_keys (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)",
                k.id(),
                org,
                k.prefix(),
                k.keyHash(),
                k.environment().name().toLowerCase(java.util.Locale.ROOT),
                k.name(),
                Json.stringArray(k.scopes()),
                k.createdBy(),
                k.createdAt(),
                Sql.instantOrNull(k.lastUsedAt()),
                Sql.instantOrNull(k.revokedAt()),
                Sql.intOrNull(k.rateLimitOverride())));
  }

  @Override
  public Optional<ApiKey> findByPrefix(String prefix) {
    if (prefix == null || prefix.length() != 16) {
      return Optional.empty();
    }
    return tx.read(Scope.NONE, c -> sql.one(c, prefixLookupSql(), this::map, prefix));
  }

  /**
   * Returns the SQL that finds a key by prefix in any org, with one parameter.
   *
   * @return the SQL
   */
  protected String prefixLookupSql() {
    return "select " + COLUMNS + " from api_keys where key_prefix = ?";
  }

  @Override
  public Optional<ApiKey> find(String orgId, String keyId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from api_keys where org_id = ? and id = ?",
                this::map,
                orgId,
                keyId));
  }

  @Override
  public List<ApiKey> list(String orgId) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                "select "
                    + COLUMNS
                    + " from api_keys where org_id = ?"
                    + " order by created_at desc, id desc",
                this::map,
                orgId));
  }

  @Override
  public void revoke(String orgId, String keyId, Instant at) {
    Tenancy.require(orgId);
    tx.write(
        Scope.org(orgId),
        c -> {
          int n =
              sql.update(
                  c,
                  "update api_keys set revoked_at = coalesce(revoked_at, ?)"
                      + " where org_id = ? and id = ?",
                  at,
                  orgId,
                  keyId);
          if (n == 0) {
            throw new NotFoundException("org " + orgId + " has no key " + keyId);
          }
          return n;
        });
  }

  @Override
  public boolean rateLimit(String orgId, String keyId, Integer perMinute) {
    if (Tenancy.none(orgId)) {
      return false;
    }
    return tx.write(
            Scope.org(orgId),
            c ->
                sql.update(
                    c,
                    "update api_keys set rate_limit_override = ? where org_id = ? and id = ?",
                    Sql.intOrNull(perMinute),
                    orgId,
                    keyId))
        > 0;
  }

  @Override
  public void touch(String orgId, Map<String, Instant> lastUsed) {
    Tenancy.require(orgId);
    if (lastUsed.isEmpty()) {
      return;
    }
    List<Map.Entry<String, Instant>> byKey = new ArrayList<>(lastUsed.entrySet());
    // why: sorted by key id, so concurrent touches lock the rows in the same order
    byKey.sort(Map.Entry.comparingByKey());
    tx.write(
        Scope.org(orgId),
        c ->
            sql.batch(
                c,
                "update api_keys set last_used_at = ? where (last_used_at is null or last_used_at"
                    + " < ?) and org_id = ? and id = ?",
                byKey,
                (p, k) ->
                    p.instant(k.getValue()).instant(k.getValue()).text(orgId).text(k.getKey())));
  }

  private ApiKey map(ResultSet rs) throws SQLException {
    Dialect d = sql.dialect();
    int limit = rs.getInt("rate_limit_override");
    Integer override = rs.wasNull() ? null : limit;
    return new ApiKey(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("key_prefix"),
        rs.getString("key_hash"),
        KeyEnvironment.valueOf(rs.getString("environment").toUpperCase(java.util.Locale.ROOT)),
        rs.getString("name"),
        Json.parseStringArray(rs.getString("scopes")),
        rs.getString("created_by"),
        d.getInstant(rs, "created_at"),
        d.getInstant(rs, "last_used_at"),
        d.getInstant(rs, "revoked_at"),
        override);
  }
}
