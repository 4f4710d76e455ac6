package ai.agentlens.billing.stripe;

import ai.agentlens.core.port.billing.BillingPrices;

/**
 * How the adapter reaches Stripe.
 *
 * @param apiKey the secret API key ({@code sk_test_…} or {@code sk_live_…}); never logged
 * @param apiBase the API base URL, {@code null} for Stripe's own ({@code https://api.stripe.com});
 *     tests point it at WireMock
 * @param prices the configured price ids
 * @param timeoutMillis connect and read timeout
 */
public record StripeSettings(
    String apiKey, String apiBase, BillingPrices prices, int timeoutMillis) {

  /** Requires an API key and prices. */
  public StripeSettings {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("Stripe API key missing");
    }
    if (prices == null) {
      throw new IllegalArgumentException("Stripe prices missing");
    }
    if (timeoutMillis <= 0) {
      timeoutMillis = 10_000;
    }
  }

  @Override
  public String toString() {
    return "StripeSettings[apiBase=" + apiBase + ", prices=" + prices + "]";
  }
}
