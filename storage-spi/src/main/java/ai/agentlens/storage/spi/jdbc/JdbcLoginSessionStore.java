package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.LoginSession;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.port.storage.LoginSessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link LoginSessionStore} in portable SQL. Sessions are global: no tenant scope. */
public class JdbcLoginSessionStore implements LoginSessionStore {

  private static final String COLUMNS =
      "id_hash, user_id, current_org_id, csrf_token, created_at, last_seen_at";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcLoginSessionStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void create(LoginSession s) {
    hash(s.idHash());
    Fields.required("userId", s.userId(), Fields.MAX_ID);
    Fields.optional("currentOrgId", s.currentOrgId(), Fields.MAX_ID);
    Fields.required("csrfToken", s.csrfToken(), 200);
    tx.write(
        Scope.NONE,
        c ->
            sql.update(
                c,
                "insert into login_sessions (" + COLUMNS + ") values (?,?,?,?,?,?)",
                s.idHash(),
                s.userId(),
                s.currentOrgId(),
                s.csrfToken(),
                s.createdAt(),
                s.lastSeenAt()));
  }

  @Override
  public Optional<LoginSession> find(String idHash) {
    if (idHash == null) {
      return Optional.empty();
    }
    return tx.read(
        Scope.NONE,
        c ->
            sql.one(
                c,
                "select " + COLUMNS + " from login_sessions where id_hash = ?",
                this::map,
                idHash));
  }

  @Override
  public void touch(String idHash, Instant at) {
    tx.write(
        Scope.NONE,
        c ->
            sql.update(
                c,
                "update login_sessions set last_seen_at = ? where id_hash = ? and last_seen_at < ?",
                at,
                idHash,
                at));
  }

  @Override
  public void setCurrentOrg(String idHash, String orgId) {
    Fields.optional("orgId", orgId, Fields.MAX_ID);
    tx.write(
        Scope.NONE,
        c ->
            sql.update(
                c,
                "update login_sessions set current_org_id = ? where id_hash = ?",
                orgId,
                idHash));
  }

  @Override
  public boolean delete(String idHash) {
    return tx.write(
            Scope.NONE, c -> sql.update(c, "delete from login_sessions where id_hash = ?", idHash))
        > 0;
  }

  @Override
  public int deleteForUser(String userId) {
    return tx.write(
        Scope.NONE, c -> sql.update(c, "delete from login_sessions where user_id = ?", userId));
  }

  @Override
  public int deleteIdleSince(Instant cutoff) {
    return tx.write(
        Scope.NONE,
        c -> sql.update(c, "delete from login_sessions where last_seen_at < ?", cutoff));
  }

  static void hash(String value) {
    if (value == null || !value.matches("[0-9a-f]{64}")) {
      throw new InvalidInputException("hash: must be 64 lowercase hex characters");
    }
  }

  private LoginSession map(ResultSet rs) throws SQLException {
    return new LoginSession(
        rs.getString("id_hash"),
        rs.getString("user_id"),
        rs.getString("current_org_id"),
        rs.getString("csrf_token"),
        sql.dialect().getInstant(rs, "created_at"),
        sql.dialect().getInstant(rs, "last_seen_at"));
  }
}
