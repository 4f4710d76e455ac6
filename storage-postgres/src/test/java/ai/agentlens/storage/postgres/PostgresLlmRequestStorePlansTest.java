package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmRunRisk;
import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request log's own statements never run on a generic plan: on one pooled connection, its score
 * update runs often enough for pgjdbc to prepare it on the server and for PostgreSQL to consider a
 * generic plan, and every execution was still planned for its arguments ({@link
 * PostgresLlmRequestPlanTest} shows why a generic plan made on the empty table is a hazard).
 */
class PostgresLlmRequestStorePlansTest {

  @Test
  void theScoreUpdateOfEveryRunIsPlannedForItsArguments() throws Exception {
    PostgresRoles roles = TestStorage.createRoles(TestPostgres.newDatabase());
    PostgresConfig base = PostgresBackend.config(roles, Clock.system());
    PostgresConfig one =
        new PostgresConfig(
            base.jdbcUrl(),
            base.appUser(),
            base.appPassword(),
            base.ownerUser(),
            base.ownerPassword(),
            1,
            base.monthsAhead(),
            base.clock());
    try (PostgresStorageProvider p = PostgresStorageProvider.open(one)) {
      Instant t = Instant.parse("2026-04-01T10:00:00Z");
      p.stores().orgs().create(new Org("o", "o", "o", Plan.PRO, OrgSettings.defaults(90), t));
      // why: no expected score, so every run updates its new row with the assessment
      LlmRunRisk risk = r -> new RiskAssessment(5, "risk-v1", List.of());
      for (int i = 0; i < 20; i++) {
        p.llmRequests()
            .recordAll(
                List.of(
                    new LlmCallWrite(
                        "o", "id-" + i, "c-" + i, "bot", "s", null, "m", "hi", t, "event")),
                risk);
      }
      long[] plans =
          p.transactor()
              .read(
                  Scope.NONE,
                  c -> {
                    try (var rs =
                        c.createStatement()
                            .executeQuery(
                                "select coalesce(sum(generic_plans), 0),"
                                    + " coalesce(sum(custom_plans), 0) from pg_prepared_statements"
                                    + " where statement like 'update llm_requests set risk_score%'")) {
                      rs.next();
                      return new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                  });
      assertThat(plans[1]).as("custom plans of the server-prepared update").isPositive();
      assertThat(plans[0]).as("generic plans").isZero();
    }
  }
}
