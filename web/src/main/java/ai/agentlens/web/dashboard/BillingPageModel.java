package ai.agentlens.web.dashboard;

import ai.agentlens.core.billing.BillingOverview;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import ai.agentlens.web.dashboard.view.BillingPage;
import ai.agentlens.web.dashboard.view.Layout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a {@link BillingOverview} into the billing page's model: formatting only. */
final class BillingPageModel {

  /** Annual billing is 20 % off twelve monthly payments (FR-64). */
  static final BigDecimal ANNUAL_FACTOR = new BigDecimal("9.6");

  private BillingPageModel() {}

  static BillingPage of(Layout layout, BillingOverview o, boolean configured) {
    BillingState s = o.state();
    PaymentMethodState card = o.paymentMethod();
    return new BillingPage(
        layout,
        name(o.plan()),
        s.status(),
        s.interval() == null ? null : s.interval().wireName(),
        date(s.currentPeriodEnd()),
        date(s.trialEnd()),
        o.pendingChange(),
        o.paymentFailed(),
        date(s.graceUntil()),
        card == null || !card.present()
            ? null
            : String.format(
                Locale.ROOT,
                "%s •••• %s, expires %02d/%d",
                card.brand(),
                card.last4(),
                card.expMonth(),
                card.expYear()),
        o.upcoming() == null ? null : money(o.upcoming().currency(), o.upcoming().totalCents()),
        o.invoices().stream().map(BillingPageModel::row).toList(),
        o.providerError() == null ? null : "Stripe could not be reached: " + o.providerError(),
        configured,
        choices(o.plan(), s.interval()));
  }

  /** The page when Stripe is not configured: the plan only. */
  static BillingPage unconfigured(Layout layout, Plan plan, String notice) {
    return new BillingPage(
        layout,
        name(plan),
        "none",
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        List.of(),
        notice,
        false,
        choices(plan, null));
  }

  static List<BillingPage.Choice> choices(Plan current, BillingInterval interval) {
    List<BillingPage.Choice> out = new ArrayList<>();
    for (Plan p : List.of(Plan.PRO, Plan.TEAM)) {
      BigDecimal month = Tiers.basePriceUsd(p);
      for (BillingInterval i : BillingInterval.values()) {
        boolean annual = i == BillingInterval.ANNUAL;
        String price =
            annual
                ? "$"
                    + month.multiply(ANNUAL_FACTOR).setScale(2, RoundingMode.HALF_UP)
                    + " / year (20 % off)"
                : "$" + month.toPlainString() + " / month";
        out.add(
            new BillingPage.Choice(
                p.wireName(),
                i.wireName(),
                name(p) + ", " + i.wireName(),
                price,
                p == current && (interval == null ? !annual : interval == i)));
      }
    }
    return out;
  }

  private static BillingPage.InvoiceRow row(Invoice i) {
    long base = 0;
    long overage = 0;
    long events = 0;
    for (Invoice.Line l : i.lines()) {
      if (l.overage()) {
        overage += l.amountCents();
        events += l.quantity();
      } else {
        base += l.amountCents();
      }
    }
    return new BillingPage.InvoiceRow(
        i.number() == null ? i.id() : i.number(),
        date(i.created()),
        i.status(),
        money(i.currency(), i.totalCents()),
        money(i.currency(), base),
        money(i.currency(), overage)
            + (events > 0 ? String.format(Locale.ROOT, " (%,d events)", events) : ""),
        i.hostedUrl());
  }

  static String name(Plan p) {
    String w = p.wireName().replace('_', ' ');
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  static String money(String currency, long cents) {
    String symbol =
        currency == null || currency.equalsIgnoreCase("usd")
            ? "$"
            : currency.toUpperCase(Locale.ROOT) + " ";
    return symbol + BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static String date(Instant at) {
    return at == null ? null : at.toString().substring(0, 10);
  }
}
