package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.port.storage.InvitationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link InvitationStore} in portable SQL. */
public class JdbcInvitationStore implements InvitationStore {

  private static final String SELECT =
      "select id, org_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at"
          + " from invitations where org_id = ? and ";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcInvitationStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void create(Invitation i) {
    String org = Tenancy.require(i.orgId());
    Fields.required("id", i.id(), Fields.MAX_ID);
    String email = Fields.required("email", i.email(), 320).trim().toLowerCase(Locale.ROOT);
    if (!i.tokenHash().matches("[0-9a-f]{64}")) {
      throw new InvalidInputException("tokenHash: must be 64 lowercase hex characters");
    }
    tx.write(
        Scope.org(org),
        c ->
            sql.update(
                c,
                "insert into invitations (id, org_id, email, role, token_hash, invited_by,"
                    + " created_at, expires_at, accepted_at) values (?,?,?,?,?,?,?,?,?)",
                i.id(),
                org,
                email,
                i.role().wireName(),
                i.tokenHash(),
                i.invitedBy(),
                i.createdAt(),
                i.expiresAt(),
                Sql.instantOrNull(i.acceptedAt())));
  }

  @Override
  public Optional<Invitation> findByTokenHash(String orgId, String tokenHash) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c -> sql.one(c, SELECT + "token_hash = ?", this::map, orgId, tokenHash));
  }

  @Override
  public List<Invitation> listPending(String orgId, Instant now) {
    return tx.readOrg(
        orgId,
        List.of(),
        c ->
            sql.list(
                c,
                SELECT + "accepted_at is null and expires_at > ? order by created_at desc, id desc",
                this::map,
                orgId,
                now));
  }

  @Override
  public boolean markAccepted(String orgId, String invitationId, Instant at) {
    Tenancy.require(orgId);
    return tx.write(
        Scope.org(orgId),
        c -> {
          int n =
              sql.update(
                  c,
                  "update invitations set accepted_at = ?"
                      + " where org_id = ? and id = ? and accepted_at is null",
                  at,
                  orgId,
                  invitationId);
          if (n == 0 && sql.one(c, SELECT + "id = ?", this::map, orgId, invitationId).isEmpty()) {
            throw new NotFoundException("no invitation " + invitationId);
          }
          return n > 0;
        });
  }

  @Override
  public boolean delete(String orgId, String invitationId) {
    Tenancy.require(orgId);
    return tx.write(
            Scope.org(orgId),
            c ->
                sql.update(
                    c, "delete from invitations where org_id = ? and id = ?", orgId, invitationId))
        > 0;
  }

  private Invitation map(ResultSet rs) throws SQLException {
    Dialect d = sql.dialect();
    return new Invitation(
        rs.getString("id"),
        rs.getString("org_id"),
        rs.getString("email"),
        Role.fromWireName(rs.getString("role")).orElseThrow(),
        rs.getString("token_hash"),
        rs.getString("invited_by"),
        d.getInstant(rs, "created_at"),
        d.getInstant(rs, "expires_at"),
        d.getInstant(rs, "accepted_at"));
  }
}
