package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.spi.StorageCapabilities;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What SQLite reports as capabilities, asserted: the contract suites skip by these, so a wrong
 * report would silently skip or fail tests on this backend.
 */
class SqliteCapabilitiesTest {

  @Test
  void sqliteReportsNoOptionalFeature() {
    OpenedBackend opened = SqliteBackend.open(Clock.system());
    try (var provider = opened.provider()) {
      StorageCapabilities capabilities = provider.capabilities();
      assertThat(capabilities.backend()).isEqualTo("sqlite");
      assertThat(capabilities.features()).isEmpty();
    }
  }

  @Test
  void withoutRowLevelSecurityTheDatabaseItselfShowsEveryOrgsRows() throws Exception {
    OpenedBackend opened = SqliteBackend.open(Clock.system());
    try (var provider = opened.provider()) {
      Instant at = Instant.parse("2026-01-01T00:00:00Z");
      for (String id : List.of("org_cap_a", "org_cap_b")) {
        provider
            .stores()
            .orgs()
            .create(new Org(id, id.replace('_', '-'), id, Plan.PRO, OrgSettings.defaults(30), at));
      }
      try (Connection c = opened.raw().connect()) {
        c.setAutoCommit(false);
        opened.raw().scopeToOrg(c, "org_cap_a");
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("select count(*) from orgs")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).as("no tenant scoping in the database").isEqualTo(2);
        }
      }
    }
  }
}
