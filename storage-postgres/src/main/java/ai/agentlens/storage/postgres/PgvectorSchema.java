package ai.agentlens.storage.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Decides at start-up, as the schema owner, whether embeddings are ranked by pgvector, and shapes
 * the {@code embeddings} table to match: with pgvector, a {@code vec vector} column beside the
 * exact bytes; without it (or when the operator turns it off), no such column.
 *
 * <p>"Has pgvector" is read off the database, not assumed: a type {@code vector} with a {@code <=>}
 * operator on it. When the type is missing but the server offers the extension, the owner tries
 * {@code create extension vector} (which needs the right privileges; a refusal is logged and the
 * in-process ranking is used).
 */
final class PgvectorSchema {

  private static final System.Logger LOG = System.getLogger(PgvectorSchema.class.getName());

  private static final String HAS_OPERATOR =
      "select exists (select 1 from pg_operator where oprname = '<=>'"
          + " and oprleft = to_regtype('vector') and oprright = to_regtype('vector'))";

  private PgvectorSchema() {}

  /**
   * Adds or drops the {@code vec} column.
   *
   * @param owner connections of the schema owner, auto-commit
   * @param wanted whether the operator allows pgvector ({@code AGENTLENS_PGVECTOR}, default on)
   * @return {@code true} when the column is there and {@link PgvectorEmbeddingStore} must be used
   * @throws SQLException when the database cannot be read or altered
   */
  static boolean prepare(DataSource owner, boolean wanted) throws SQLException {
    try (Connection c = owner.getConnection();
        Statement st = c.createStatement()) {
      if (!wanted) {
        st.execute("alter table embeddings drop column if exists vec");
        return false;
      }
      if (!flag(st, HAS_OPERATOR) && flag(st, available())) {
        try {
          st.execute("create extension if not exists vector");
        } catch (SQLException e) {
          LOG.log(
              Level.WARNING,
              "pgvector is offered by the server but could not be created ({0}); embeddings are"
                  + " ranked in process. Run 'create extension vector' as a superuser to use it.",
              e.getMessage());
          return false;
        }
      }
      if (!flag(st, HAS_OPERATOR)) {
        return false;
      }
      st.execute("alter table embeddings add column if not exists vec vector");
      return true;
    }
  }

  private static String available() {
    return "select exists (select 1 from pg_available_extensions where name = 'vector')";
  }

  private static boolean flag(Statement st, String query) throws SQLException {
    try (ResultSet rs = st.executeQuery(query)) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
