package ai.agentlens.billing.stripe;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingPrices;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.net.RequestOptions;
import com.stripe.param.SubscriptionScheduleCreateParams;
import com.stripe.param.SubscriptionScheduleUpdateParams;
import com.stripe.param.SubscriptionUpdateParams;

/**
 * Plan changes on a running Stripe subscription (FR-65): upgrades replace the base price at once
 * with proration; downgrades become a subscription schedule (the current phase to the period end,
 * then the new price), so the org keeps what it paid for until then.
 */
final class StripePlanChanges {

  private final StripeClient client;
  private final StripeMapping map;
  private final BillingPrices prices;

  StripePlanChanges(StripeClient client, StripeMapping map, BillingPrices prices) {
    this.client = client;
    this.map = map;
    this.prices = prices;
  }

  /**
   * Changes a subscription's base price: an upgrade at once with proration ({@code
   * always_invoice}), a downgrade as a schedule whose second phase starts at the period end.
   */
  void change(String subscriptionId, Plan plan, BillingInterval interval, boolean upgrade) {
    String price =
        prices
            .priceOf(plan, interval)
            .orElseThrow(() -> new IllegalArgumentException("no price for " + plan.wireName()));
    try {
      com.stripe.model.Subscription s =
          client.v1().subscriptions().retrieve(subscriptionId, (RequestOptions) null);
      SubscriptionItem base =
          map.baseItem(s)
              .orElseThrow(() -> new BillingException("subscription has no base plan price", null));
      if (upgrade) {
        SubscriptionUpdateParams p =
            SubscriptionUpdateParams.builder()
                .addItem(
                    SubscriptionUpdateParams.Item.builder()
                        .setId(base.getId())
                        .setPrice(price)
                        .build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .build();
        client.v1().subscriptions().update(subscriptionId, p, null);
      } else {
        scheduleDowngrade(s, base, price);
      }
    } catch (StripeException e) {
      throw StripeBillingGateway.failed("change plan", e);
    }
  }

  private void scheduleDowngrade(
      com.stripe.model.Subscription s, SubscriptionItem base, String price) throws StripeException {
    SubscriptionSchedule schedule =
        s.getSchedule() != null
            ? client.v1().subscriptionSchedules().retrieve(s.getSchedule(), (RequestOptions) null)
            : client
                .v1()
                .subscriptionSchedules()
                .create(
                    SubscriptionScheduleCreateParams.builder()
                        .setFromSubscription(s.getId())
                        .build());
    Long periodStart = base.getCurrentPeriodStart();
    Long periodEnd = base.getCurrentPeriodEnd();
    SubscriptionScheduleUpdateParams.Phase.Builder now =
        SubscriptionScheduleUpdateParams.Phase.builder()
            .setStartDate(periodStart)
            .setEndDate(periodEnd);
    SubscriptionScheduleUpdateParams.Phase.Builder next =
        SubscriptionScheduleUpdateParams.Phase.builder()
            .setStartDate(periodEnd)
            .setProrationBehavior(SubscriptionScheduleUpdateParams.Phase.ProrationBehavior.NONE);
    for (SubscriptionItem item : s.getItems().getData()) {
      String current = item.getPrice().getId();
      now.addItem(SubscriptionScheduleUpdateParams.Phase.Item.builder().setPrice(current).build());
      String after = item.getId().equals(base.getId()) ? price : current;
      next.addItem(SubscriptionScheduleUpdateParams.Phase.Item.builder().setPrice(after).build());
    }
    SubscriptionScheduleUpdateParams p =
        SubscriptionScheduleUpdateParams.builder()
            .addPhase(now.build())
            .addPhase(next.build())
            .setEndBehavior(SubscriptionScheduleUpdateParams.EndBehavior.RELEASE)
            .build();
    client.v1().subscriptionSchedules().update(schedule.getId(), p, null);
  }
}
