package ai.agentlens.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.testing.TestDatabase;
import ai.agentlens.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code agentlens-cloud.jar rollups rebuild|check} against a real PostgreSQL. */
class CloudRollupsCommandTest {

  private record Run(int status, String out, String err) {}

  private static Run run(CloudConfig config, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        CloudRollupsCommand.run(
            config, args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void checkFindsTamperedRollupsWithANonZeroExitAndRebuildRepairsThem() throws Exception {
    TestDatabase db = TestPostgres.newDatabase();
    CloudConfig config =
        CloudConfig.fromEnv(
            Map.of(
                "AGENTLENS_DATABASE_URL", db.url(), "AGENTLENS_REDIS_URL", "redis://127.0.0.1:1"));
    String org = "org-" + UUID.randomUUID();
    CloudMain.migrate(config);
    try (PostgresStorageProvider p =
        PostgresStorageProvider.open(CloudBeans.postgresConfig(config, 2, Clock.system()))) {
      Instant t = Instant.parse("2026-02-03T04:05:06Z");
      p.stores()
          .events()
          .append(
              List.of(
                  new EventBatch(
                      org,
                      null,
                      List.of(
                          Event.unwritten(
                              "e1",
                              org,
                              "s",
                              "a",
                              EventType.CUSTOM,
                              Severity.INFO,
                              t,
                              "{\"type\":\"t\",\"data\":{}}",
                              "{}")))));
    }
    String[] range = {"--org", org, "--from", "2026-02-01", "--to", "2026-02-05"};
    Run ok = run(config, concat("check", range));
    assertThat(ok.status()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).contains("checked " + org + " 2026-02-03: 0 mismatch(es)", "agree");

    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement("select set_config('app.current_org', ?, true)")) {
        s.setString(1, org);
        s.execute();
      }
      try (PreparedStatement s = c.prepareStatement("delete from rollup_daily where org_id = ?")) {
        s.setString(1, org);
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
      c.commit();
    }
    Run bad = run(config, concat("check", range));
    assertThat(bad.status()).isEqualTo(3);
    assertThat(bad.out()).contains("MISMATCH " + org + " daily 2026-02-03T00:00:00Z a//");
    Run rebuilt = run(config, concat("rebuild", range));
    assertThat(rebuilt.status()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.out()).contains("rebuilt " + org + " 2026-02-03: 1 events", "5 org-day(s)");
    assertThat(run(config, concat("check", range)).status()).isZero();
    assertThat(run(config, "check", "--from", "2026-02-05", "--to", "2026-02-01").status())
        .isEqualTo(2);
    assertThat(run(config, "fix", "--from", "2026-02-01", "--to", "2026-02-01").status())
        .isEqualTo(2);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
