package ai.agentlens.storage.spi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs units of work in transactions: the one place a backend decides how connections are obtained,
 * how the tenant scope is set and how writers are serialized.
 *
 * <p>Contract: the work runs in exactly one transaction that is committed when it returns and
 * rolled back when it throws; {@link java.sql.SQLException}s leave as {@link
 * ai.agentlens.core.error.StorageException}s (translated by the backend's {@link
 * SqlErrorTranslator}); storage exceptions thrown by the work pass through unchanged. {@link
 * #write} returns only after the commit is durable.
 */
public interface Transactor extends AutoCloseable {

  /**
   * Runs a unit of work that may write.
   *
   * @param scope tenant scope set before the work runs
   * @param work the work
   * @param <T> its result
   * @return the work's result, after commit
   */
  <T> T write(Scope scope, SqlWork<T> work);

  /**
   * The longest a {@link #writeInBackground} unit waits for other writes before it runs anyway.
   *
   * <p>why: a background unit (the LLM request log's run, ~10–50 ms) then takes a few percent of
   * the writers at saturation and is never starved
   */
  java.time.Duration BACKGROUND_MAX_WAIT = java.time.Duration.ofMillis(500);

  /**
   * Runs a unit of work that may write, at background priority: it runs when no other write is
   * waiting (one writer) or in flight in this process (concurrent writers), or once it has waited
   * {@link #BACKGROUND_MAX_WAIT} (so it is never starved), and on a backend with one writer it
   * never delays the commit of other writes longer than its own duration. Same transaction and
   * error contract as {@link #write}. By default it is {@link #write}.
   *
   * @param scope tenant scope set before the work runs
   * @param work the work
   * @param <T> its result
   * @return the work's result, after commit
   */
  default <T> T writeInBackground(Scope scope, SqlWork<T> work) {
    return write(scope, work);
  }

  /**
   * Runs a read-only unit of work; it sees one consistent snapshot.
   *
   * @param scope tenant scope set before the work runs
   * @param work the work
   * @param <T> its result
   * @return the work's result
   */
  <T> T read(Scope scope, SqlWork<T> work);

  /**
   * Runs a read-only unit of work of one org: the one way a store reads tenant rows.
   *
   * <p>FR-40 (c), "no org set, zero rows", holds on every backend, not only where the database
   * enforces it (PostgreSQL Row-Level Security): when {@code orgId} is {@code null} or blank the
   * work does not run and {@code none} is returned. Otherwise the work runs as {@link #read} in the
   * org's {@link Scope}; the work's SQL still filters by org itself (FR-40 a).
   *
   * @param orgId the org, possibly missing
   * @param none the result without an org: an empty list, {@code Optional.empty()}, 0, …
   * @param work the work
   * @param <T> its result
   * @return the work's result, or {@code none}
   */
  default <T> T readOrg(String orgId, T none, SqlWork<T> work) {
    if (Tenancy.none(orgId)) {
      return none;
    }
    return read(Scope.org(orgId), work);
  }

  /**
   * Changes the tenant scope in the middle of a unit of work (a write of several orgs' batches).
   *
   * @param c the work's connection
   * @param scope the new scope
   * @throws SQLException when the database refuses
   */
  void rescope(Connection c, Scope scope) throws SQLException;

  /** Releases connections and threads. Idempotent. */
  @Override
  void close();
}
