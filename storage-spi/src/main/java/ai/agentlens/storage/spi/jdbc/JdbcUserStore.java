package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.account.model.OAuthIdentity;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Fields;
import ai.agentlens.core.port.storage.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** {@link UserStore} in portable SQL. Users are global: no tenant scope. */
public class JdbcUserStore implements UserStore {

  private static final String COLUMNS =
      "u.id, u.email, u.display_name, u.avatar_url, u.password_hash, u.verified, u.created_at";

  private final Transactor tx;
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param tx transactions
   * @param sql SQL helper
   */
  public JdbcUserStore(Transactor tx, Sql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  @Override
  public void create(User user) {
    Fields.required("id", user.id(), Fields.MAX_ID);
    String email = email(user.email());
    Fields.required("displayName", user.displayName(), 200);
    Fields.optional("avatarUrl", user.avatarUrl(), Fields.MAX_TEXT);
    Fields.optional("passwordHash", user.passwordHash(), 200);
    tx.write(
        Scope.NONE,
        c ->
            sql.update(
                c,
                "insert into users (id, email, display_name, avatar_url, password_hash, verified,"
                    + " created_at) values (?,?,?,?,?,?,?)",
                user.id(),
                email,
                user.displayName(),
                user.avatarUrl(),
                user.passwordHash(),
                user.verified(),
                user.createdAt()));
  }

  @Override
  public Optional<User> find(String userId) {
    return tx.read(
        Scope.NONE,
        c -> sql.one(c, "select " + COLUMNS + " from users u where u.id = ?", this::map, userId));
  }

  @Override
  public boolean anyExists() {
    return tx.read(
            Scope.NONE, c -> sql.one(c, "select id from users limit 1", rs -> rs.getString(1)))
        .isPresent();
  }

  @Override
  public Optional<User> findByEmail(String email) {
    if (email == null) {
      return Optional.empty();
    }
    String lower = email.trim().toLowerCase(Locale.ROOT);
    return tx.read(
        Scope.NONE,
        c -> sql.one(c, "select " + COLUMNS + " from users u where u.email = ?", this::map, lower));
  }

  @Override
  public void updateProfile(String userId, String displayName, String avatarUrl) {
    Fields.required("displayName", displayName, 200);
    Fields.optional("avatarUrl", avatarUrl, Fields.MAX_TEXT);
    mutate(
        userId,
        "update users set display_name = ?, avatar_url = ? where id = ?",
        displayName,
        avatarUrl,
        userId);
  }

  @Override
  public void setPasswordHash(String userId, String passwordHash) {
    Fields.required("passwordHash", passwordHash, 200);
    mutate(userId, "update users set password_hash = ? where id = ?", passwordHash, userId);
  }

  @Override
  public void markVerified(String userId) {
    mutate(userId, "update users set verified = ? where id = ?", true, userId);
  }

  @Override
  public void linkIdentity(OAuthIdentity identity) {
    Fields.required("provider", identity.provider(), 64);
    Fields.required("subject", identity.subject(), Fields.MAX_NAME);
    tx.write(
        Scope.NONE,
        c -> {
          if (sql.one(c, "select id from users where id = ?", rs -> 1, identity.userId())
              .isEmpty()) {
            throw new NotFoundException("no user " + identity.userId());
          }
          return sql.update(
              c,
              "insert into oauth_identities (provider, subject, user_id) values (?,?,?)",
              identity.provider(),
              identity.subject(),
              identity.userId());
        });
  }

  @Override
  public Optional<User> findByIdentity(String provider, String subject) {
    return tx.read(
        Scope.NONE,
        c ->
            sql.one(
                c,
                "select "
                    + COLUMNS
                    + " from users u join oauth_identities i on i.user_id = u.id"
                    + " where i.provider = ? and i.subject = ?",
                this::map,
                provider,
                subject));
  }

  @Override
  public boolean delete(String userId) {
    return tx.write(
        Scope.NONE,
        c -> {
          sql.update(c, "delete from oauth_identities where user_id = ?", userId);
          return sql.update(c, "delete from users where id = ?", userId) > 0;
        });
  }

  private void mutate(String userId, String statement, Object... args) {
    int n = tx.write(Scope.NONE, c -> sql.update(c, statement, args));
    if (n == 0) {
      throw new NotFoundException("no user " + userId);
    }
  }

  private static String email(String raw) {
    String e = Fields.required("email", raw, 320).trim().toLowerCase(Locale.ROOT);
    if (e.length() < 3 || e.indexOf('@') <= 0 || e.indexOf('@') == e.length() - 1) {
      throw new InvalidInputException("email: not an e-mail address");
    }
    return e;
  }

  private User map(ResultSet rs) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getString("avatar_url"),
        rs.getString("password_hash"),
        rs.getBoolean("verified"),
        sql.dialect().getInstant(rs, "created_at"));
  }
}
