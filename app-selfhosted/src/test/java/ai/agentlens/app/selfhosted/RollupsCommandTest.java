package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code agentlens-selfhosted rollups rebuild|check} on a real data directory. */
class RollupsCommandTest {

  @TempDir Path dataDir;

  private record Run(int status, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SelfhostedMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dataDir.toString();
    return new Run(cli.execute(all), out.toString(), err.toString());
  }

  @Test
  void checkExitsNonZeroOnTamperedRollupsAndRebuildRepairsThem() throws Exception {
    assertThat(run("keys", "create", "--org", "acme").status()).isZero();
    try (var storage = CliStorage.open(dataDir)) {
      Instant t = Instant.parse("2026-02-03T04:05:06Z");
      storage
          .stores()
          .events()
          .append(
              List.of(
                  new EventBatch(
                      "acme",
                      null,
                      List.of(
                          Event.unwritten(
                              "e1",
                              "acme",
                              "s",
                              "a",
                              EventType.TOOL_CALL,
                              Severity.INFO,
                              t,
                              "{\"toolName\":\"x\",\"callId\":\"c\",\"arguments\":{}}",
                              "{}"),
                          Event.unwritten(
                              "e2",
                              "acme",
                              "s",
                              "a",
                              EventType.CUSTOM,
                              Severity.INFO,
                              t.plusSeconds(86_400),
                              "{\"type\":\"t\",\"data\":{}}",
                              "{}")))));
    }
    Run ok = run("rollups", "check", "--from", "2026-02-01", "--to", "2026-02-05");
    assertThat(ok.status()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out())
        .contains("checked acme 2026-02-03: 0 mismatch(es)", "Roll-ups of every org agree");

    try (Connection c =
            ai.agentlens.storage.sqlite.SqliteStorageProvider.dataSource(
                    dataDir.resolve(SelfhostedBeans.DATABASE_FILE))
                .getConnection();
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("update rollup_hourly set tool_calls = 7")).isEqualTo(2);
    }
    Run bad =
        run("rollups", "check", "--org", "acme", "--from", "2026-02-01", "--to", "2026-02-05");
    assertThat(bad.status()).isEqualTo(3);
    assertThat(bad.out())
        .contains("MISMATCH acme hourly 2026-02-03T04:00:00Z a//", "2 roll-up row(s) disagree");
    Run rebuilt =
        run("rollups", "rebuild", "--org", "acme", "--from", "2026-02-01", "--to", "2026-02-05");
    assertThat(rebuilt.status()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.out()).contains("rebuilt acme 2026-02-04: 1 events", "5 org-day(s)");
    assertThat(run("rollups", "check", "--from", "2026-02-01", "--to", "2026-02-05").status())
        .isZero();
    assertThat(run("rollups", "check", "--from", "2026-02-05", "--to", "2026-02-01").status())
        .isEqualTo(2);
    assertThat(run("rollups", "check", "--from", "yesterday", "--to", "2026-02-01").status())
        .isEqualTo(2);
  }
}
