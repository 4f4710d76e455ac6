package ai.agentlens.billing.stripe;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingPrices;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.Subscription;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps stripe-java's objects onto the port's records. */
final class StripeMapping {

  private final BillingPrices prices;

  StripeMapping(BillingPrices prices) {
    this.prices = prices;
  }

  static Instant instant(Long epochSeconds) {
    return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
  }

  /** The subscription item that carries the plan's base price (not the metered overage). */
  Optional<SubscriptionItem> baseItem(com.stripe.model.Subscription s) {
    if (s.getItems() == null) {
      return Optional.empty();
    }
    for (SubscriptionItem item : s.getItems().getData()) {
      if (item.getPrice() != null && prices.planOf(item.getPrice().getId()).isPresent()) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  Subscription subscription(com.stripe.model.Subscription s) {
    Optional<SubscriptionItem> base = baseItem(s);
    Optional<Map.Entry<Plan, BillingInterval>> plan =
        base.flatMap(i -> prices.planOf(i.getPrice().getId()));
    // why: since API version 2025-03-31 the period lives on the subscription items, not the
    // subscription
    Long periodEnd = null;
    if (s.getItems() != null && !s.getItems().getData().isEmpty()) {
      periodEnd = base.orElse(s.getItems().getData().get(0)).getCurrentPeriodEnd();
    }
    Plan scheduled = null;
    Instant scheduledAt = null;
    SubscriptionSchedule schedule = s.getScheduleObject();
    if (schedule != null && schedule.getPhases() != null) {
      Long now =
          schedule.getCurrentPhase() == null ? null : schedule.getCurrentPhase().getEndDate();
      for (SubscriptionSchedule.Phase ph : schedule.getPhases()) {
        if (now != null && ph.getStartDate() != null && ph.getStartDate() >= now) {
          for (SubscriptionSchedule.Phase.Item it : ph.getItems()) {
            Optional<Map.Entry<Plan, BillingInterval>> p = prices.planOf(it.getPrice());
            if (p.isPresent() && (plan.isEmpty() || p.get().getKey() != plan.get().getKey())) {
              scheduled = p.get().getKey();
              scheduledAt = instant(ph.getStartDate());
            }
          }
        }
      }
    }
    Map<String, String> meta = s.getMetadata() == null ? Map.of() : s.getMetadata();
    return new Subscription(
        s.getId(),
        s.getCustomer(),
        meta.get("org_id"),
        s.getStatus(),
        plan.map(Map.Entry::getKey).orElse(null),
        plan.map(Map.Entry::getValue).orElse(null),
        instant(periodEnd),
        instant(s.getTrialEnd()),
        Boolean.TRUE.equals(s.getCancelAtPeriodEnd()),
        scheduled,
        scheduledAt);
  }

  Invoice invoice(com.stripe.model.Invoice inv) {
    List<Invoice.Line> lines = new ArrayList<>();
    if (inv.getLines() != null) {
      for (InvoiceLineItem li : inv.getLines().getData()) {
        String price =
            li.getPricing() == null || li.getPricing().getPriceDetails() == null
                ? null
                : li.getPricing().getPriceDetails().getPrice();
        boolean overage = price != null && price.equals(prices.overagePrice());
        lines.add(
            new Invoice.Line(
                li.getDescription(),
                li.getAmount() == null ? 0 : li.getAmount(),
                li.getQuantity() == null ? 0 : li.getQuantity(),
                overage));
      }
    }
    return new Invoice(
        inv.getId(),
        inv.getNumber(),
        inv.getStatus(),
        inv.getCurrency(),
        inv.getTotal() == null ? 0 : inv.getTotal(),
        instant(inv.getCreated()),
        inv.getHostedInvoiceUrl(),
        lines);
  }
}
