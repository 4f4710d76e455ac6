package ai.agentlens.core.billing;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingState;
import java.time.Instant;

/**
 * What the billing job owes one org now: a pure function of the org, its billing state, the time
 * and the settings (trials FR-66, the grace period after a failed payment, scheduled downgrades
 * FR-65). {@link BillingJobs} carries the step out.
 */
public final class BillingDue {

  /** One step of the job. */
  public enum Step {
    /** Nothing is due. */
    NOTHING,
    /** A new Free org without billing state gets the card-less Pro trial. */
    START_TRIAL,
    /** The trial ends within the warning window and the Owners were not mailed yet. */
    WARN_TRIAL,
    /** The trial is over: the live subscription's plan, else Free. */
    END_TRIAL,
    /** The grace period after a failed payment is over: Free. */
    END_GRACE,
    /** A scheduled plan change is due: re-read the subscription. */
    APPLY_SCHEDULED
  }

  private BillingDue() {}

  /**
   * Decides the next step for an org.
   *
   * @param org the org
   * @param state its billing state, or {@code null} when it has none yet
   * @param now the time
   * @param settings trial length and warning lead
   * @return the step
   */
  public static Step next(Org org, BillingState state, Instant now, BillingSettings settings) {
    if (state == null) {
      boolean young = now.isBefore(org.createdAt().plus(settings.trial()));
      return !settings.trial().isZero() && org.plan() == Plan.FREE && young
          ? Step.START_TRIAL
          : Step.NOTHING;
    }
    if (BillingState.PAYMENT_FAILED.equals(state.paymentState())
        && state.graceUntil() != null
        && !now.isBefore(state.graceUntil())) {
      return Step.END_GRACE;
    }
    if (state.subscriptionId() == null
        && "trialing".equals(state.status())
        && state.trialEnd() != null) {
      if (!now.isBefore(state.trialEnd())) {
        return Step.END_TRIAL;
      }
      boolean warnNow = !now.isBefore(state.trialEnd().minus(settings.trialWarning()));
      return state.trialWarnedAt() == null && warnNow ? Step.WARN_TRIAL : Step.NOTHING;
    }
    if (state.subscriptionId() != null
        && state.pendingAt() != null
        && !now.isBefore(state.pendingAt())) {
      return Step.APPLY_SCHEDULED;
    }
    return Step.NOTHING;
  }
}
