package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.port.storage.MembershipStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link MembershipStore} in portable SQL. */
public class JdbcMembershipStore implements MembershipStore {

  private static final String SELECT =
      "select org_id, user_id, role, created_at from memberships where ";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcMembershipStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void add(Membership m) {
    String org = Tenancy.require(m.orgId());
    Fields.required("userId", m.userId(), Fields.MAX_ID);
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into memberships (org_id, user_id, role, created_at) values (?,?,?,?)",
                org,
                m.userId(),
                m.role().wireName(),
                m.createdAt()));
  }

  @Override
  public Optional<Membership> find(String orgId, String userId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c -> sql.one(c, SELECT + "org_id = ? and user_id = ?", this::map, orgId, userId));
  }

  @Override
  public List<Membership> listByOrg(String orgId) {
    return tx.readOrg(
        orgId,
        List.of(),
        c -> sql.list(c, SELECT + "org_id = ? order by created_at, user_id", this::map, orgId));
  }

  @Override
  public List<Membership> listByUser(String userId) {
    if (userId == null || userId.isBlank()) {
      return List.of();
    }
    return tx.read(
        Scope.user(userId),
        c -> sql.list(c, SELECT + "user_id = ? order by created_at, org_id", this::map, userId));
  }

  @Override
  public void changeRole(String orgId, String userId, Role role) {
    Tenancy.require(orgId);
    int n =
        tx.write(
            Scope.org(orgId),
            c ->
                sql.update(
                    c,
                    "update memberships set role = ? where org_id = ? and user_id = ?",
                    role.wireName(),
                    orgId,
                    userId));
    if (n == 0) {
      throw new NotFoundException("user " + userId + " is not a member of " + orgId);
    }
  }

  @Override
  public boolean remove(String orgId, String userId) {
    Tenancy.require(orgId);
    return tx.write(
            Scope.org(orgId),
            c ->
                sql.update(
                    c, "delete from memberships where org_id = ? and user_id = ?", orgId, userId))
        > 0;
  }

  @Override
  public int removeAllForUser(String userId) {
    Fields.required("userId", userId, Fields.MAX_ID);
    return tx.write(
        Scope.user(userId),
        c -> sql.update(c, "delete from memberships where user_id = ?", userId));
  }

  private Membership map(ResultSet rs) throws SQLException {
    return new Membership(
        rs.getString("org_id"),
        rs.getString("user_id"),
        Role.fromWireName(rs.getString("role")).orElseThrow(),
        sql.dialect().getInstant(rs, "created_at"));
  }
}
