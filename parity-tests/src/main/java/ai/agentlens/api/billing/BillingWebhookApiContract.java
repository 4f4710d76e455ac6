package ai.agentlens.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import ai.agentlens.api.FakeStripe;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.Stores;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/stripe} on a launcher that has Stripe (app-cloud), against {@link
 * FakeStripe}: bad, expired, unsigned and tampered deliveries are 400 and change nothing; a
 * duplicate is acknowledged and ignored; out-of-order events converge on Stripe's current state; a
 * failed payment starts the grace period, mails the Owner and is audited.
 */
public abstract class BillingWebhookApiContract extends BillingApiSupport {

  @Test
  void badExpiredAndUnsignedWebhooksAre400AndChangeNothing() {
    Tenant t = tenants.create(Plan.FREE, null);
    String sub = "sub_bad_" + t.orgId();
    stripe.subscription(sub, t.orgId(), "active", "price_team_m");
    String body =
        FakeStripe.event(
            "evt_" + UUID.randomUUID(), "customer.subscription.updated", sub, t.orgId());
    assertThat(webhook(body, FakeStripe.sign(body, "whsec_wrong")).status()).isEqualTo(400);
    long old = System.currentTimeMillis() / 1000 - 3600;
    assertThat(webhook(body, FakeStripe.sign(body, FakeStripe.WEBHOOK_SECRET, old)).status())
        .as("a replay of an hour-old delivery")
        .isEqualTo(400);
    assertThat(webhook(body, null).status()).isEqualTo(400);
    assertThat(
            webhook(body.replace("evt_", "evt_x"), FakeStripe.sign(body, FakeStripe.WEBHOOK_SECRET))
                .status())
        .as("tampered body")
        .isEqualTo(400);
    assertThat(plan(t.orgId())).isEqualTo(Plan.FREE);
  }

  @Test
  void aDuplicateDeliveryIsAcknowledgedAndIgnored() {
    Tenant t = tenants.create(Plan.FREE, null);
    String sub = "sub_dup_" + t.orgId();
    stripe.subscription(sub, t.orgId(), "active", "price_pro_m");
    String body =
        FakeStripe.event(
            "evt_" + UUID.randomUUID(), "customer.subscription.created", sub, t.orgId());
    assertThat(signed(body).json().get("outcome").asText()).isEqualTo("processed");
    int reads = stripe.requests("/v1/subscriptions/" + sub);
    assertThat(signed(body).json().get("outcome").asText()).isEqualTo("duplicate");
    assertThat(stripe.requests("/v1/subscriptions/" + sub))
        .as("a duplicate is not handled again")
        .isEqualTo(reads);
    long changes =
        actions(t.orgId()).stream().filter(a -> a.equals("billing.plan_changed")).count();
    assertThat(changes).isEqualTo(1);
  }

  @Test
  void anOutOfOrderEventConvergesOnStripesCurrentState() {
    Tenant t = tenants.create(Plan.FREE, null);
    String sub = "sub_ooo_" + t.orgId();
    stripe.subscription(sub, t.orgId(), "canceled", "price_pro_m");
    // the deletion arrives first, then the older "updated: active" event
    signed(
        FakeStripe.event(
            "evt_" + UUID.randomUUID(), "customer.subscription.deleted", sub, t.orgId()));
    Api.Reply late =
        signed(
            FakeStripe.event(
                "evt_" + UUID.randomUUID(), "customer.subscription.updated", sub, t.orgId()));
    assertThat(late.status()).isEqualTo(200);
    assertThat(plan(t.orgId()))
        .as("the body said active; Stripe says canceled")
        .isEqualTo(Plan.FREE);
  }

  @Test
  void aFailedPaymentStartsTheGracePeriodMailsTheOwnerAndIsAudited() {
    Tenant t = tenants.create(Plan.FREE, null);
    Person owner = member(t.orgId(), Role.OWNER);
    String sub = "sub_pf_" + t.orgId();
    stripe.subscription(sub, t.orgId(), "past_due", "price_team_m");
    Api.Reply r =
        signed(
            FakeStripe.event("evt_" + UUID.randomUUID(), "invoice.payment_failed", sub, t.orgId()));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(plan(t.orgId()))
        .as("past due keeps the plan during the grace period")
        .isEqualTo(Plan.TEAM);
    assertThat(mail.await(owner.email(), "payment failed")).contains("/billing");
    Api.Reply view = send("GET", "/api/billing", owner, null, null);
    assertThat(view.json().get("paymentState").asText()).isEqualTo("failed");
    assertThat(view.json().get("graceUntil").isNull()).isFalse();
    assertThat(actions(t.orgId())).contains("billing.payment_failed");
    var state = stack.bean(Stores.class).billing().find(t.orgId()).orElseThrow();
    assertThat(state.graceUntil()).isAfter(stack.bean(Clock.class).now().plus(Duration.ofDays(6)));
  }
}
