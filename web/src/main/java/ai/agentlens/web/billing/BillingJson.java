package ai.agentlens.web.billing;

import ai.agentlens.core.billing.BillingOverview;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The billing API's JSON shapes. */
final class BillingJson {

  private BillingJson() {}

  @Serdeable
  record Choose(@Nullable String plan, @Nullable String interval) {}

  @Serdeable
  record Url(String url, boolean changedNow) {}

  @Serdeable
  record Line(String description, long amountCents, long quantity, String kind) {}

  @Serdeable
  record InvoiceView(
      String id,
      @Nullable String number,
      String status,
      String currency,
      long totalCents,
      @Nullable Instant created,
      @Nullable String hostedUrl,
      List<Line> lines) {
    static InvoiceView of(Invoice i) {
      return new InvoiceView(
          i.id(),
          i.number(),
          i.status(),
          i.currency(),
          i.totalCents(),
          i.created(),
          i.hostedUrl(),
          i.lines().stream()
              .map(
                  l ->
                      new Line(
                          l.description(),
                          l.amountCents(),
                          l.quantity(),
                          l.overage() ? "overage" : "base"))
              .toList());
    }
  }

  @Serdeable
  record PaymentMethod(
      boolean present, @Nullable String brand, @Nullable String last4, int expMonth, int expYear) {
    static PaymentMethod of(PaymentMethodState p) {
      return new PaymentMethod(p.present(), p.brand(), p.last4(), p.expMonth(), p.expYear());
    }
  }

  @Serdeable
  record Overview(
      String plan,
      String status,
      @Nullable String interval,
      @Nullable Instant currentPeriodEnd,
      @Nullable Instant trialEnd,
      @Nullable String pendingPlan,
      @Nullable Instant pendingAt,
      @Nullable String pendingChange,
      String paymentState,
      @Nullable Instant graceUntil,
      PaymentMethod paymentMethod,
      @Nullable InvoiceView nextInvoice,
      List<InvoiceView> invoices,
      int annualDiscountPercent,
      @Nullable String providerError) {
    static Overview of(BillingOverview o) {
      BillingState s = o.state();
      return new Overview(
          o.plan().wireName(),
          s.status(),
          s.interval() == null ? null : s.interval().wireName(),
          s.currentPeriodEnd(),
          s.trialEnd(),
          s.pendingPlan() == null ? null : s.pendingPlan().wireName(),
          s.pendingAt(),
          o.pendingChange(),
          s.paymentState(),
          s.graceUntil(),
          PaymentMethod.of(o.paymentMethod()),
          o.upcoming() == null ? null : InvoiceView.of(o.upcoming()),
          o.invoices().stream().map(InvoiceView::of).toList(),
          BillingInterval.ANNUAL_DISCOUNT_PERCENT,
          o.providerError());
    }
  }
}
