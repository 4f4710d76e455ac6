package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link JobLeases} in the {@code job_leases} table: an insert that does nothing on conflict, then
 * a conditional update that only the holder or the first caller after expiry wins (the row lock
 * makes it atomic on PostgreSQL; SQLite has one writer).
 */
public class JdbcJobLeases implements JobLeases {

  private final Transactor tx;
  private final Sql sql;
  private final Clock clock;

  /**
   * Creates the leases.
   *
   * @param tx transactions
   * @param sql SQL helper
   * @param clock the time leases expire by
   */
  public JdbcJobLeases(Transactor tx, Sql sql, Clock clock) {
    this.tx = tx;
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public boolean acquire(String job, String owner, Duration ttl) {
    Instant now = clock.now();
    Instant until = now.plus(ttl);
    return tx.write(
        Scope.NONE,
        c -> {
          int inserted =
              sql.update(
                  c,
                  "insert into job_leases (job, owner, expires_at) values (?, ?, ?)"
                      + " on conflict (job) do nothing",
                  job,
                  owner,
                  until);
          if (inserted == 1) {
            return true;
          }
          return sql.update(
                  c,
                  "update job_leases set owner = ?, expires_at = ?"
                      + " where job = ? and (owner = ? or expires_at <= ?)",
                  owner,
                  until,
                  job,
                  owner,
                  now)
              == 1;
        });
  }

  @Override
  public void release(String job, String owner) {
    tx.write(
        Scope.NONE,
        c -> sql.update(c, "delete from job_leases where job = ? and owner = ?", job, owner));
  }
}
