package ai.agentlens.core.billing;

import java.time.Duration;

/**
 * Billing configuration besides the provider's credentials.
 *
 * @param webhookSecret the webhook endpoint's signing secret ({@code whsec_…}); never logged
 * @param webhookTolerance how old a signed webhook may be (Stripe's default: 5 minutes)
 * @param grace how long an org keeps its plan after a failed payment (default 7 days)
 * @param trial the card-less Pro trial of new orgs (FR-66, default 14 days; zero turns trials off)
 * @param trialWarning how long before a trial's end the Owners get a mail (default 3 days)
 * @param publicUrl the dashboard's public base URL (Checkout and portal return here)
 */
public record BillingSettings(
    String webhookSecret,
    Duration webhookTolerance,
    Duration grace,
    Duration trial,
    Duration trialWarning,
    String publicUrl) {

  /** Fills defaults for missing durations. */
  public BillingSettings {
    webhookTolerance = webhookTolerance == null ? Duration.ofMinutes(5) : webhookTolerance;
    grace = grace == null ? Duration.ofDays(7) : grace;
    trial = trial == null ? Duration.ofDays(14) : trial;
    trialWarning = trialWarning == null ? Duration.ofDays(3) : trialWarning;
    publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
  }

  @Override
  public String toString() {
    return "BillingSettings[grace=" + grace + ", trial=" + trial + ", publicUrl=" + publicUrl + "]";
  }
}
