package ai.agentlens.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.QuotaSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Caps, quota scaling and the projection at the current rate. */
class QuotaUseCasesTest {

  @Test
  void aCapIsAMultipleOrAnEventCountNeverBoth() {
    assertThat(OverageCap.DEFAULT.capEvents(500_000)).isEqualTo(1_000_000);
    assertThat(new OverageCap(null, 750_000L).capEvents(500_000)).isEqualTo(750_000);
    assertThatThrownBy(() -> new OverageCap(2, 5L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OverageCap(null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settingsScaleQuotasAndIgnoreCapsForPlansWithoutOverage() {
    QuotaSettings real = QuotaSettings.DEFAULT;
    assertThat(real.quota(Plan.FREE)).isEqualTo(10_000);
    assertThat(real.cap(Plan.FREE, new OverageCap(5, null))).isEqualTo(10_000);
    assertThat(real.cap(Plan.PRO, OverageCap.DEFAULT)).isEqualTo(1_000_000);
    assertThat(real.checks(Plan.SELF_HOSTED)).isFalse();
    QuotaSettings scaled = new QuotaSettings(true, 200);
    assertThat(scaled.quota(Plan.FREE)).isEqualTo(50);
    assertThat(scaled.quota(Plan.PRO)).isEqualTo(2_500);
    assertThat(new QuotaSettings(false, 1).checks(Plan.FREE)).isFalse();
    assertThatThrownBy(() -> new QuotaSettings(true, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agentlens.billing.quota-divisor");
  }

  @Test
  void theProjectionExtrapolatesTheRateSoFar() {
    Instant from = Instant.parse("2026-12-01T00:00:00Z");
    Instant to = Instant.parse("2027-01-01T00:00:00Z");
    // 10 days of 31 gone, 1,000 events: 3,100 at the end
    assertThat(UsageReports.project(1_000, from, to, from.plusSeconds(10 * 86_400)))
        .isEqualTo(3_100);
    // the first minutes count as an hour
    assertThat(UsageReports.project(10, from, to, from.plusSeconds(60))).isEqualTo(7_440);
    assertThat(UsageReports.project(10, from, to, to)).isEqualTo(10);
  }
}
