package ai.agentlens.storage.postgres;

import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database where {@code vector} and its {@code <=>} operator exist without the pgvector
 * extension, which cannot be installed on the machines this build is proved on: a domain over text
 * in pgvector's text form ({@code [1.0,2.0]}) and a SQL cosine distance that answers NaN for an
 * all-zero vector as pgvector does. The store's SQL (casts, the operator, the {@code vec} column)
 * runs unchanged on it; what it cannot prove is pgvector's own single-precision arithmetic, which
 * {@link PgvectorEmbeddingStoreTest} covers where the extension exists.
 */
final class PgvectorStandIn {

  private static PostgresRoles roles;

  private PgvectorStandIn() {}

  /**
   * This run's shared stand-in database and roles, created on first use.
   *
   * @return the roles
   */
  static synchronized PostgresRoles roles() {
    if (roles == null) {
      roles = newRoles();
    }
    return roles;
  }

  /**
   * A new stand-in database and roles, for tests that reshape the schema.
   *
   * @return the roles
   */
  static PostgresRoles newRoles() {
    var db = TestPostgres.newDatabase();
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      // why: Flyway refuses a non-empty public schema, so the stand-in lives beside it, on the
      // search path, as pgvector does when installed into its own schema
      st.execute("create schema standin");
      st.execute("grant usage on schema standin to public");
      st.execute("alter database " + db.name() + " set search_path to \"$user\", public, standin");
      st.execute("set search_path to standin");
      st.execute("create domain vector as text check (value ~ '^\\[.*\\]$')");
      st.execute(
          "create function standin.cosine_distance(a vector, b vector) returns float8"
              + " language sql immutable strict as $$"
              + " select case when na = 0 or nb = 0 then 'NaN'::float8"
              + " else 1 - dot / (sqrt(na) * sqrt(nb)) end"
              + " from (select sum(x * y) as dot, sum(x * x) as na, sum(y * y) as nb"
              + " from unnest(string_to_array(trim(both '[]' from a::text), ',')::float8[],"
              + " string_to_array(trim(both '[]' from b::text), ',')::float8[]) as u(x, y)) s $$");
      st.execute(
          "create operator <=> (leftarg = vector, rightarg = vector,"
              + " function = standin.cosine_distance)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the pgvector stand-in", e);
    }
    return TestStorage.createRoles(db);
  }
}
