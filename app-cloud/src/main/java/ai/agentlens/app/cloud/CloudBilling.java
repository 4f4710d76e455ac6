package ai.agentlens.app.cloud;

import ai.agentlens.billing.stripe.StripeBillingGateway;
import ai.agentlens.billing.stripe.StripeSettings;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingPrices;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Stripe billing of app-cloud, from {@code AGENTLENS_STRIPE_*}: the secret key turns it on; the
 * price ids are configuration (docs/billing.md); {@code AGENTLENS_STRIPE_API_BASE} points the
 * client elsewhere (tests: WireMock).
 */
@Factory
@Requires(env = CloudMain.ENVIRONMENT)
class CloudBilling {

  @Singleton
  @Requires(property = "agentlens.stripe.secret-key")
  BillingGateway stripe(
      @Value("${agentlens.stripe.secret-key}") String secretKey,
      @Nullable @Value("${agentlens.stripe.api-base:}") String apiBase,
      @Nullable @Value("${agentlens.stripe.price.pro-monthly:}") String proMonthly,
      @Nullable @Value("${agentlens.stripe.price.pro-annual:}") String proAnnual,
      @Nullable @Value("${agentlens.stripe.price.team-monthly:}") String teamMonthly,
      @Nullable @Value("${agentlens.stripe.price.team-annual:}") String teamAnnual,
      @Nullable @Value("${agentlens.stripe.price.overage:}") String overage,
      @Value("${agentlens.stripe.overage-meter-event:agentlens_overage_events}") String meter,
      @Value("${agentlens.stripe.timeout-ms:10000}") int timeout) {
    BillingPrices prices =
        new BillingPrices(
            blankToNull(proMonthly),
            blankToNull(proAnnual),
            blankToNull(teamMonthly),
            blankToNull(teamAnnual),
            blankToNull(overage),
            meter);
    return new StripeBillingGateway(
        new StripeSettings(secretKey, blankToNull(apiBase), prices, timeout));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
