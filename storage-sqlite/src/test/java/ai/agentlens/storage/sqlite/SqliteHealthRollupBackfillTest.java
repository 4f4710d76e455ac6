package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V27's backfill fills {@code tool_errors} and {@code tool_failed} of roll-up rows written before
 * the columns existed: the columns are zeroed (what V27's {@code default 0} gives old rows), V27's
 * update statements run again, and the roll-up check then finds the rows equal to the fold of the
 * events.
 */
class SqliteHealthRollupBackfillTest {

  @Test
  void theMigrationsBackfillMatchesTheFoldOfTheEvents() throws Exception {
    Instant t = Instant.parse("2026-02-03T04:05:00Z");
    OpenedBackend b = SqliteBackend.open(Clock.fixed(t));
    try {
      b.provider()
          .stores()
          .orgs()
          .create(new Org("acme", "acme", "Acme", Plan.PRO, OrgSettings.defaults(90), t));
      List<Event> e = new ArrayList<>();
      String[][] kinds = {
        {"tool_error", "{\"callId\":\"c\",\"toolName\":\"x\",\"error\":\"boom\"}"},
        {"tool_response", "{\"callId\":\"c\",\"toolName\":\"x\",\"result\":1,\"isError\":true}"},
        {"tool_response", "{\"callId\":\"c\",\"toolName\":\"x\",\"result\":1,\"isError\":false}"},
        {"tool_call", "{\"callId\":\"c\",\"toolName\":\"x\",\"arguments\":{}}"}
      };
      for (int i = 0; i < 24; i++) {
        String[] k = kinds[i % kinds.length];
        e.add(
            Event.unwritten(
                "e" + i,
                "acme",
                "s" + (i % 3),
                i % 2 == 0 ? "a" : "b",
                EventType.fromWireName(k[0]).orElseThrow(),
                Severity.INFO,
                t.plusSeconds(i * 1_800L),
                k[1],
                "{}"));
      }
      b.provider().stores().events().append(new EventBatch("acme", null, e));
      LocalDate from = LocalDate.parse("2026-02-03");
      LocalDate to = LocalDate.parse("2026-02-04");
      assertThat(b.provider().rollupMaintenance().check(null, from, to, s -> {})).isEmpty();
      try (Connection c = b.raw().connect();
          Statement s = c.createStatement()) {
        s.executeUpdate("update rollup_hourly set tool_errors = 0, tool_failed = 0");
        s.executeUpdate("update rollup_daily set tool_errors = 0, tool_failed = 0");
        assertThat(b.provider().rollupMaintenance().check(null, from, to, x -> {})).isNotEmpty();
        for (String statement : backfill()) {
          s.executeUpdate(statement);
        }
        try (ResultSet rs =
            s.executeQuery("select sum(tool_errors), sum(tool_failed) from rollup_daily")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(6);
          assertThat(rs.getLong(2)).isEqualTo(6);
        }
      }
      assertThat(b.provider().rollupMaintenance().check(null, from, to, s -> {})).isEmpty();
    } finally {
      b.provider().close();
    }
  }

  private static List<String> backfill() throws Exception {
    try (InputStream in =
        SqliteHealthRollupBackfillTest.class.getResourceAsStream(
            "/db/sqlite/V27__health_rollups.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (String s : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (s.strip().startsWith("update")) {
          out.add(s.strip());
        }
      }
      assertThat(out).hasSize(2);
      return out;
    }
  }
}
