package ai.agentlens.core.billing;

import static ai.agentlens.core.billing.BillingDue.Step.APPLY_SCHEDULED;
import static ai.agentlens.core.billing.BillingDue.Step.END_GRACE;
import static ai.agentlens.core.billing.BillingDue.Step.END_TRIAL;
import static ai.agentlens.core.billing.BillingDue.Step.NOTHING;
import static ai.agentlens.core.billing.BillingDue.Step.START_TRIAL;
import static ai.agentlens.core.billing.BillingDue.Step.WARN_TRIAL;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.Subscription;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the billing job owes an org, at the edges of each window: the trial starts only for a young
 * Free org without state, the mail is due from exactly 3 days before the trial's end and only once,
 * the trial ends at its end, the grace period at its end, and a scheduled downgrade at its date.
 */
class BillingDueTest {

  private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant TRIAL_END = CREATED.plus(Duration.ofDays(14));
  private static final BillingSettings SETTINGS =
      new BillingSettings("whsec", null, null, null, null, "https://x");
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static Org org(Plan plan) {
    return new Org("org", "org", "Org", plan, OrgSettings.defaults(30), CREATED);
  }

  private static BillingState trialing(Instant warned) {
    return BillingState.none("org", CREATED)
        .withTrial("trialing", Plan.PRO, TRIAL_END, warned, CREATED);
  }

  private static BillingState subscribed(Plan scheduled, Instant at) {
    return BillingState.none("org", CREATED)
        .withSubscription(
            new Subscription(
                "sub_1",
                "cus_1",
                "org",
                "active",
                Plan.TEAM,
                BillingInterval.MONTHLY,
                at,
                null,
                false,
                scheduled,
                at),
            CREATED);
  }

  @Test
  void aYoungFreeOrgWithoutStateStartsItsTrialAndNoOtherDoes() {
    Instant justBeforeEnd = TRIAL_END.minus(SECOND);
    assertThat(BillingDue.next(org(Plan.FREE), null, CREATED, SETTINGS)).isEqualTo(START_TRIAL);
    assertThat(BillingDue.next(org(Plan.FREE), null, justBeforeEnd, SETTINGS))
        .isEqualTo(START_TRIAL);
    assertThat(BillingDue.next(org(Plan.FREE), null, TRIAL_END, SETTINGS))
        .as("created a trial length ago")
        .isEqualTo(NOTHING);
    assertThat(BillingDue.next(org(Plan.TEAM), null, CREATED, SETTINGS)).isEqualTo(NOTHING);
    assertThat(BillingDue.next(org(Plan.ENTERPRISE), null, CREATED, SETTINGS)).isEqualTo(NOTHING);
    BillingSettings off = new BillingSettings("w", null, null, Duration.ZERO, null, "");
    assertThat(BillingDue.next(org(Plan.FREE), null, CREATED, off))
        .as("trials turned off")
        .isEqualTo(NOTHING);
    assertThat(
            BillingDue.next(org(Plan.FREE), BillingState.none("org", CREATED), CREATED, SETTINGS))
        .as("a billing row exists already")
        .isEqualTo(NOTHING);
  }

  @Test
  void theTrialMailIsDueThreeDaysBeforeTheEndOnceAndTheTrialEndsAtItsEnd() {
    Instant warnAt = TRIAL_END.minus(Duration.ofDays(3));
    Org org = org(Plan.PRO);
    assertThat(BillingDue.next(org, trialing(null), warnAt.minus(SECOND), SETTINGS))
        .isEqualTo(NOTHING);
    assertThat(BillingDue.next(org, trialing(null), warnAt, SETTINGS)).isEqualTo(WARN_TRIAL);
    assertThat(BillingDue.next(org, trialing(warnAt), warnAt.plus(SECOND), SETTINGS))
        .as("mailed already")
        .isEqualTo(NOTHING);
    assertThat(BillingDue.next(org, trialing(warnAt), TRIAL_END.minus(SECOND), SETTINGS))
        .isEqualTo(NOTHING);
    assertThat(BillingDue.next(org, trialing(warnAt), TRIAL_END, SETTINGS)).isEqualTo(END_TRIAL);
    assertThat(BillingDue.next(org, trialing(null), TRIAL_END.plusSeconds(60), SETTINGS))
        .as("a trial never warned still ends")
        .isEqualTo(END_TRIAL);
  }

  @Test
  void theGracePeriodEndsAtItsEndAndOnlyAfterAFailedPayment() {
    Instant grace = CREATED.plus(Duration.ofDays(7));
    BillingState failed =
        subscribed(null, null).withPayment(BillingState.PAYMENT_FAILED, grace, CREATED);
    Org org = org(Plan.TEAM);
    assertThat(BillingDue.next(org, failed, grace.minus(SECOND), SETTINGS)).isEqualTo(NOTHING);
    assertThat(BillingDue.next(org, failed, grace, SETTINGS)).isEqualTo(END_GRACE);
    BillingState recovered = failed.withPayment(BillingState.PAYMENT_OK, null, grace);
    assertThat(BillingDue.next(org, recovered, grace.plusSeconds(60), SETTINGS)).isEqualTo(NOTHING);
  }

  @Test
  void aScheduledDowngradeIsAppliedFromItsDate() {
    Instant at = CREATED.plus(Duration.ofDays(20));
    Org org = org(Plan.TEAM);
    assertThat(BillingDue.next(org, subscribed(Plan.PRO, at), at.minus(SECOND), SETTINGS))
        .isEqualTo(NOTHING);
    assertThat(BillingDue.next(org, subscribed(Plan.PRO, at), at, SETTINGS))
        .isEqualTo(APPLY_SCHEDULED);
    assertThat(BillingDue.next(org, subscribed(null, null), at, SETTINGS)).isEqualTo(NOTHING);
  }
}
