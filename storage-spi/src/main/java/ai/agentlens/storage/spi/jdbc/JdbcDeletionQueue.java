package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.deletion.DeletionQueue;
import ai.agentlens.core.port.deletion.DeletionRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link DeletionQueue} in the {@code deletion_requests} table. Each request is written in the
 * scope of its org and its user, so Row-Level Security lets the Owner read an org's request after
 * the org's memberships are gone; a backend passes the query that lists pending requests across
 * orgs (PostgreSQL: a security-definer function).
 */
public class JdbcDeletionQueue implements DeletionQueue {

  /** The columns, in the order {@link #map} reads them. */
  public static final String COLUMNS =
      "id, kind, org_id, user_id, state, attempts, last_error, requested_at, updated_at,"
          + " completed_at";

  private final Transactor tx;
  private final Sql sql;
  private final String pendingSql;

  /**
   * Creates the queue.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param pendingSql a query with one parameter (the limit) returning {@link #COLUMNS} of every
   *     request not done, oldest first, run without a tenant scope
   */
  public JdbcDeletionQueue(Transactor tx, Sql sql, String pendingSql) {
    this.tx = tx;
    this.sql = sql;
    this.pendingSql = pendingSql;
  }

  @Override
  public DeletionRequest request(DeletionRequest r) {
    return tx.write(
        scope(r),
        c -> {
          Optional<DeletionRequest> open =
              r.kind() == DeletionRequest.Kind.ORG
                  ? sql.one(
                      c,
                      "select "
                          + COLUMNS
                          + " from deletion_requests where kind = ? and org_id = ?"
                          + " and state <> 'done'",
                      this::map,
                      r.kind().wireName(),
                      r.orgId())
                  : sql.one(
                      c,
                      "select "
                          + COLUMNS
                          + " from deletion_requests where kind = ? and user_id = ?"
                          + " and state <> 'done'",
                      this::map,
                      r.kind().wireName(),
                      r.userId());
          if (open.isPresent()) {
            return open.get();
          }
          sql.update(
              c,
              "insert into deletion_requests (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?)",
              r.id(),
              r.kind().wireName(),
              r.orgId(),
              r.userId(),
              r.state().wireName(),
              r.attempts(),
              r.lastError(),
              r.requestedAt(),
              r.updatedAt(),
              Sql.instantOrNull(r.completedAt()));
          return r;
        });
  }

  @Override
  public List<DeletionRequest> pending(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0");
    }
    return tx.read(Scope.NONE, c -> sql.list(c, pendingSql, this::map, limit));
  }

  @Override
  public void started(DeletionRequest r, Instant at) {
    set(
        r,
        "update deletion_requests set state = 'in_progress', attempts = attempts + 1,"
            + " updated_at = ? where id = ?",
        at,
        r.id());
  }

  @Override
  public void done(DeletionRequest r, Instant at) {
    set(
        r,
        "update deletion_requests set state = 'done', last_error = null, updated_at = ?,"
            + " completed_at = ? where id = ?",
        at,
        at,
        r.id());
  }

  @Override
  public void failed(DeletionRequest r, String error, Instant at) {
    set(
        r,
        "update deletion_requests set state = 'failed', last_error = ?, updated_at = ?"
            + " where id = ?",
        error == null ? "failed" : error,
        at,
        r.id());
  }

  @Override
  public List<DeletionRequest> byUser(String userId) {
    if (userId == null || userId.isBlank()) {
      return List.of();
    }
    return tx.read(
        Scope.user(userId),
        c ->
            sql.list(
                c,
                "select "
                    + COLUMNS
                    + " from deletion_requests where user_id = ?"
                    + " order by requested_at desc, id desc",
                this::map,
                userId));
  }

  @Override
  public Optional<DeletionRequest> forOrg(String orgId) {
    return tx.readOrg(
        orgId,
        Optional.empty(),
        c ->
            sql.one(
                c,
                "select "
                    + COLUMNS
                    + " from deletion_requests where org_id = ?"
                    + " order by requested_at desc, id desc limit 1",
                this::map,
                orgId));
  }

  private void set(DeletionRequest r, String statement, Object... args) {
    tx.write(scope(r), c -> sql.update(c, statement, args));
  }

  private static Scope scope(DeletionRequest r) {
    return new Scope(r.orgId(), r.userId());
  }

  private DeletionRequest map(ResultSet rs) throws SQLException {
    return new DeletionRequest(
        rs.getString("id"),
        DeletionRequest.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
        rs.getString("org_id"),
        rs.getString("user_id"),
        DeletionRequest.State.of(rs.getString("state")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        sql.dialect().getInstant(rs, "requested_at"),
        sql.dialect().getInstant(rs, "updated_at"),
        sql.dialect().getInstant(rs, "completed_at"));
  }
}
