package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.contract.StorageContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An append updates the rows every writer of an org shares (usage, roll-ups, agents) last, just
 * before its commit, so a second writer waits on them for the commit only, not for the whole write:
 * two cloud worker processes spent most of their database time waiting on the agents upsert while
 * it sat in the middle of the write.
 */
class PostgresSharedRowsLastTest extends StorageContract {

  @Override
  protected OpenedBackend open(Clock clock) {
    return PostgresBackend.open(clock);
  }

  @Test
  void aWriteWaitingOnTheUsageRowHoldsNoAgentRowYet() throws Exception {
    String org = newOrg().id();
    stores.events().append(List.of(batch(org, List.of(custom(org, "s1")))));
    try (Connection holder = inTransactionOf(org)) {
      assertThat(
              count(
                  holder,
                  "select count(*) from (select 1 from usage_records where org_id = ? for update) u",
                  org))
          .isEqualTo(1);
      CompletableFuture<Void> write =
          CompletableFuture.runAsync(
              () -> stores.events().append(List.of(batch(org, List.of(custom(org, "s2"))))));
      awaitWaitingOn("insert into usage_records");
      try (Connection probe = inTransactionOf(org)) {
        // why: nowait fails at once if the waiting write had upserted agent-1 before the usage row
        assertThat(
                count(
                    probe,
                    "select count(*) from (select 1 from agents where org_id = ?"
                        + " and id = 'agent-1' for update nowait) a",
                    org))
            .isEqualTo(1);
        probe.rollback();
      }
      holder.rollback();
      write.get(10, TimeUnit.SECONDS);
    }
    assertThat(stores.events().count(org, ai.agentlens.core.event.EventQuery.firstPage()))
        .isEqualTo(2);
  }

  /** A raw connection as the application role, in a transaction scoped to the org. */
  private Connection inTransactionOf(String org) throws Exception {
    Connection c = opened.raw().connect();
    c.setAutoCommit(false);
    opened.raw().scopeToOrg(c, org);
    return c;
  }

  private void awaitWaitingOn(String statement) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection c = opened.raw().connect()) {
      while (System.nanoTime() < deadline) {
        if (count(
                c,
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like ?",
                statement + "%")
            > 0) {
          return;
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no write waited on " + statement);
  }

  private static long count(Connection c, String sql, String arg) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
