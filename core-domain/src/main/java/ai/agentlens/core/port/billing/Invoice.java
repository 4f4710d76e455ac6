package ai.agentlens.core.port.billing;

import java.time.Instant;
import java.util.List;

/**
 * One invoice with its itemized lines (base subscription and metered overage, FR-63).
 *
 * @param id the provider's invoice id
 * @param number the human-readable number, or {@code null} for a draft
 * @param status {@code draft}, {@code open}, {@code paid}, {@code void} or {@code uncollectible}
 * @param currency ISO currency, lower case
 * @param totalCents total in the currency's smallest unit
 * @param created when it was created
 * @param hostedUrl the page where it can be seen and paid, or {@code null}
 * @param lines its lines
 */
public record Invoice(
    String id,
    String number,
    String status,
    String currency,
    long totalCents,
    Instant created,
    String hostedUrl,
    List<Line> lines) {

  /** Creates the invoice with an unmodifiable copy of its lines. */
  public Invoice {
    lines = List.copyOf(lines);
  }

  /**
   * One line of an invoice.
   *
   * @param description what it is for
   * @param amountCents the amount in the smallest unit
   * @param quantity units (events for overage), or 0 when not given
   * @param overage {@code true} for the metered overage price, {@code false} for the base plan
   */
  public record Line(String description, long amountCents, long quantity, boolean overage) {}
}
