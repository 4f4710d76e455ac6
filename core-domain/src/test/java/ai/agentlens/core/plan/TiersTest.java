package ai.agentlens.core.plan;

import static ai.agentlens.core.plan.QuotaPolicy.Decision.OVERAGE;
import static ai.agentlens.core.plan.QuotaPolicy.Decision.REFUSED;
import static ai.agentlens.core.plan.QuotaPolicy.Decision.WITHIN_QUOTA;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TiersTest {

  @Test
  void theTableIsThePrdTable() {
    assertThat(Tiers.of(Plan.FREE))
        .isEqualTo(
            new Tier(10_000, 100, 7, 3, 1, 2, false, BigDecimal.ZERO, Set.of(Feature.ANALYTICS)));
    assertThat(Tiers.of(Plan.PRO))
        .isEqualTo(
            new Tier(
                500_000,
                5_000,
                30,
                10,
                3,
                10,
                true,
                new BigDecimal("0.10"),
                Set.of(Feature.ANALYTICS)));
    assertThat(Tiers.of(Plan.TEAM).eventsPerMonth()).isEqualTo(5_000_000);
    assertThat(Tiers.of(Plan.TEAM).eventsPerMinute()).isEqualTo(50_000);
    assertThat(Tiers.of(Plan.TEAM).overagePer1k()).isEqualByComparingTo("0.08");
    assertThat(Tier.limited(Tiers.of(Plan.TEAM).members())).isFalse();
    for (Plan plan : Plan.values()) {
      assertThat(Tiers.of(plan)).as(plan.name()).isNotNull();
    }
  }

  @Test
  void complianceStartsAtTeamAndSelfHostedHasEverything() {
    assertThat(Tiers.of(Plan.TEAM).features()).containsExactlyInAnyOrder(Feature.values());
    assertThat(Tiers.of(Plan.ENTERPRISE).features()).containsExactlyInAnyOrder(Feature.values());
    assertThat(Tiers.of(Plan.SELF_HOSTED).features()).isEqualTo(EnumSet.allOf(Feature.class));
    assertThat(Tiers.of(Plan.FREE).features()).doesNotContain(Feature.COMPLIANCE);
    for (Plan plan : Plan.values()) {
      assertThat(Tiers.of(plan).features()).as(plan.name()).contains(Feature.ANALYTICS);
    }
  }

  @Test
  void keyOverridesStayWithinTheTier() {
    assertThat(Tiers.keyRateLimit(Plan.PRO, null)).isEqualTo(5_000);
    assertThat(Tiers.keyRateLimit(Plan.PRO, 1_000)).isEqualTo(1_000);
    assertThat(Tiers.keyRateLimit(Plan.PRO, 9_000)).isEqualTo(5_000);
    assertThat(Tiers.keyRateLimit(Plan.FREE, 0)).isEqualTo(100);
  }

  @Test
  void freeStopsHardAtItsQuota() {
    assertThat(QuotaPolicy.decide(Plan.FREE, 9_990, 10, 2)).isEqualTo(WITHIN_QUOTA);
    assertThat(QuotaPolicy.decide(Plan.FREE, 9_990, 11, 2)).isEqualTo(REFUSED);
    assertThat(QuotaPolicy.refusalMessage(Plan.FREE))
        .isEqualTo("Monthly event quota of 10000 reached for the free plan");
  }

  @Test
  void overagePlansContinueUpToTheCap() {
    assertThat(QuotaPolicy.decide(Plan.PRO, 500_000, 1, 2)).isEqualTo(OVERAGE);
    assertThat(QuotaPolicy.decide(Plan.PRO, 999_999, 1, 2)).isEqualTo(OVERAGE);
    assertThat(QuotaPolicy.decide(Plan.PRO, 999_999, 2, 2)).isEqualTo(REFUSED);
    assertThat(QuotaPolicy.decide(Plan.TEAM, 5_000_000, 100, 3)).isEqualTo(OVERAGE);
  }

  @Test
  void unlimitedPlansAlwaysAccept() {
    assertThat(QuotaPolicy.decide(Plan.SELF_HOSTED, Long.MAX_VALUE / 2, 1000, 2))
        .isEqualTo(WITHIN_QUOTA);
    assertThat(QuotaPolicy.decide(Plan.ENTERPRISE, 10_000_000_000L, 1000, 2))
        .isEqualTo(WITHIN_QUOTA);
  }
}
