package ai.agentlens.core.port.billing;

/**
 * Whether a customer can be charged.
 *
 * @param present whether a default payment method is on file
 * @param brand the card brand (e.g. {@code visa}), or {@code null}
 * @param last4 the card's last four digits, or {@code null}
 * @param expMonth expiry month, or 0
 * @param expYear expiry year, or 0
 */
public record PaymentMethodState(
    boolean present, String brand, String last4, int expMonth, int expYear) {

  /** No payment method on file. */
  public static final PaymentMethodState NONE = new PaymentMethodState(false, null, null, 0, 0);
}
