package ai.agentlens.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  private static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");

  private static Org org(Plan plan, int days) {
    return new Org("o", "o", "O", plan, OrgSettings.defaults(days), NOW);
  }

  @Test
  void theSettingIsCappedByThePlan() {
    RetentionPolicy p = new RetentionPolicy(OptionalInt.empty());
    assertThat(p.days(org(Plan.FREE, 30))).hasValue(7);
    assertThat(p.days(org(Plan.PRO, 10))).hasValue(10);
    assertThat(p.days(org(Plan.PRO, 90))).hasValue(30);
    assertThat(p.days(org(Plan.TEAM, 365))).hasValue(90);
  }

  @Test
  void selfHostedKeepsForeverUnlessTheOperatorSetsDays() {
    assertThat(new RetentionPolicy(OptionalInt.empty()).cutoff(org(Plan.SELF_HOSTED, 10), NOW))
        .isEmpty();
    assertThat(new RetentionPolicy(OptionalInt.of(60)).days(org(Plan.SELF_HOSTED, 3650)))
        .hasValue(60);
    assertThat(new RetentionPolicy(OptionalInt.of(60)).days(org(Plan.SELF_HOSTED, 14)))
        .hasValue(14);
  }

  @Test
  void cutoffsStartAtAUtcDayAndUsageOutlivesTheCurrentAndPreviousMonth() {
    RetentionPolicy p = new RetentionPolicy(OptionalInt.empty());
    assertThat(p.cutoff(org(Plan.FREE, 7), NOW)).contains(Instant.parse("2026-03-07T00:00:00Z"));
    Instant freeCut = Instant.parse("2026-03-07T00:00:00Z");
    assertThat(RetentionPolicy.usageCutoff(freeCut, NOW))
        .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    Instant teamCut = Instant.parse("2025-12-14T00:00:00Z");
    assertThat(RetentionPolicy.usageCutoff(teamCut, NOW)).isEqualTo(teamCut);
  }
}
