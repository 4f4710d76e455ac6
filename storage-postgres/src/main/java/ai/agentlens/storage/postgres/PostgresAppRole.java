package ai.agentlens.storage.postgres;

import ai.agentlens.core.error.StorageUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Makes sure the application role exists before migrations grant to it: created (LOGIN,
 * NOSUPERUSER, NOBYPASSRLS, owning nothing) when missing and the owner may create roles; otherwise
 * the operator is told to create it.
 */
public final class PostgresAppRole {

  private PostgresAppRole() {}

  /**
   * Creates the application role when it is missing.
   *
   * @param owner the schema owner's connection URL (may create roles)
   * @param appUser the application role's name, a lower-case identifier
   * @param appPassword its password
   * @throws StorageUnavailableException with an operator-facing message when the role is missing
   *     and cannot be created, or PostgreSQL cannot be reached
   */
  public static void ensure(PostgresUrl owner, String appUser, String appPassword) {
    Properties props = new Properties();
    if (owner.user() != null) {
      props.setProperty("user", owner.user());
    }
    if (owner.password() != null) {
      props.setProperty("password", owner.password());
    }
    try (Connection c = new org.postgresql.Driver().connect(owner.jdbcUrl(), props)) {
      try (PreparedStatement exists =
          c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
        exists.setString(1, appUser);
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      // why: CREATE ROLE takes no bind parameters; format(%I, %L) quotes them inside PostgreSQL
      String ddl;
      try (PreparedStatement build =
          c.prepareStatement(
              appPassword.isEmpty()
                  ? "select format('create role %I login nosuperuser nobypassrls', ?)"
                  : "select format('create role %I login nosuperuser nobypassrls password %L', ?, ?)")) {
        build.setString(1, appUser);
        if (!appPassword.isEmpty()) {
          build.setString(2, appPassword);
        }
        try (ResultSet rs = build.executeQuery()) {
          rs.next();
          ddl = rs.getString(1);
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute(ddl);
      }
    } catch (SQLException e) {
      if ("42710".equals(e.getSQLState())) {
        return; // why: another instance created it at the same moment
      }
      throw new StorageUnavailableException(
          "cannot create the application role "
              + appUser
              + " (create it yourself: LOGIN NOSUPERUSER NOBYPASSRLS): "
              + e.getMessage(),
          e);
    }
  }
}
