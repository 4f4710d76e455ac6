package ai.agentlens.core.billing;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import java.util.List;

/**
 * What the billing page and {@code GET /api/billing} show.
 *
 * @param plan the org's effective plan
 * @param state the stored billing state
 * @param paymentMethod the card on file ({@link PaymentMethodState#NONE} without a customer)
 * @param upcoming the next invoice, or {@code null}
 * @param invoices past invoices, newest first, itemized
 * @param providerError why the provider's part is missing (unreachable), or {@code null}
 */
public record BillingOverview(
    Plan plan,
    BillingState state,
    PaymentMethodState paymentMethod,
    Invoice upcoming,
    List<Invoice> invoices,
    String providerError) {

  /**
   * The pending change as shown to people, e.g. "changes to Team on 2026-02-01".
   *
   * @return the text, or {@code null} when nothing is scheduled
   */
  public String pendingChange() {
    if (state.pendingPlan() == null || state.pendingAt() == null) {
      return null;
    }
    String name = state.pendingPlan().wireName();
    return "changes to "
        + Character.toUpperCase(name.charAt(0))
        + name.substring(1)
        + " on "
        + state.pendingAt().toString().substring(0, 10);
  }

  /**
   * Whether the payment-failed banner shows.
   *
   * @return {@code true} during a grace period
   */
  public boolean paymentFailed() {
    return BillingState.PAYMENT_FAILED.equals(state.paymentState());
  }
}
