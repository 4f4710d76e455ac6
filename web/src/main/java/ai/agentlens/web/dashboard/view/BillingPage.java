package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The billing page of the current org (cloud, Owner): plan and subscription state, trial, pending
 * change, payment method, the next invoice and past invoices itemized into base and overage, and
 * the plan choices that start Stripe Checkout (or change the subscription).
 *
 * @param layout the frame
 * @param plan the org's plan, e.g. {@code Pro}
 * @param status the subscription status ({@code none}, {@code trialing}, {@code active} …)
 * @param interval {@code monthly}, {@code annual} or {@code null}
 * @param periodEnd the current period's end (UTC date) or {@code null}
 * @param trialEnd the trial's end (UTC date) or {@code null}
 * @param pendingChange e.g. "changes to Team on 2026-02-01", or {@code null}
 * @param paymentFailed whether the last payment failed (grace period)
 * @param graceUntil when the grace period ends (UTC date) or {@code null}
 * @param card the card on file, e.g. "visa •••• 4242, expires 12/2030", or {@code null}
 * @param upcoming the next invoice's total, or {@code null}
 * @param invoices past invoices, newest first
 * @param notice why part of the page is missing (Stripe unreachable or not configured), or {@code
 *     null}
 * @param configured whether Stripe is configured (plan buttons and portal shown)
 * @param choices the plans on offer
 */
public record BillingPage(
    Layout layout,
    String plan,
    String status,
    String interval,
    String periodEnd,
    String trialEnd,
    String pendingChange,
    boolean paymentFailed,
    String graceUntil,
    String card,
    String upcoming,
    List<InvoiceRow> invoices,
    String notice,
    boolean configured,
    List<Choice> choices) {

  /**
   * One invoice.
   *
   * @param number the invoice number
   * @param date its date (UTC)
   * @param status paid, open …
   * @param total the total, e.g. {@code $29.00}
   * @param base the base plan lines' sum
   * @param overage the overage lines' sum and events
   * @param url Stripe's hosted invoice page, or {@code null}
   */
  public record InvoiceRow(
      String number,
      String date,
      String status,
      String total,
      String base,
      String overage,
      String url) {}

  /**
   * A plan and billing interval on offer.
   *
   * @param plan {@code pro} or {@code team}
   * @param interval {@code monthly} or {@code annual}
   * @param label e.g. "Team, annual"
   * @param price e.g. "$99 / month" or "$950.40 / year (20 % off)"
   * @param current whether the org is on it now
   */
  public record Choice(String plan, String interval, String label, String price, boolean current) {}
}
