package ai.agentlens.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import ai.agentlens.api.FakeStripe;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.plan.Plan;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Owner-only billing routes on a launcher that has Stripe (app-cloud), against {@link
 * FakeStripe}: others 403, API keys 403, no credentials 401, 400s naming the field; the whole loop
 * checkout → signed webhook → plan changed → ingest limit changed at once; the overview's Stripe
 * reads cached per org (a second call makes no Stripe call, a webhook drops the cache); another
 * org's Owner sees only their own org.
 */
public abstract class BillingApiContract extends BillingApiSupport {

  @Test
  void theOwnerGetsACheckoutUrlAndEveryoneElseIsRefused() {
    Tenant t = tenants.create(Plan.FREE, null);
    Person owner = member(t.orgId(), Role.OWNER);
    Api.Reply ok =
        send(
            "POST",
            "/api/billing/checkout",
            owner,
            null,
            "{\"plan\":\"pro\",\"interval\":\"annual\"}");
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(ok.json().get("url").asText()).isEqualTo(stripe.checkoutUrl());
    assertThat(actions(t.orgId())).contains("billing.checkout_started");

    Person admin = member(t.orgId(), Role.ADMIN);
    assertThat(send("POST", "/api/billing/checkout", admin, null, "{\"plan\":\"pro\"}").status())
        .isEqualTo(403);
    assertThat(send("GET", "/api/billing", admin, null, null).status()).isEqualTo(403);
    assertThat(send("POST", "/api/billing/portal", admin, null, null).status()).isEqualTo(403);
    assertThat(send("GET", "/api/billing", null, t.key(), null).status())
        .as("an API key is never an Owner")
        .isEqualTo(403);
    assertThat(send("GET", "/api/billing", null, null, null).status()).isEqualTo(401);

    Api.Reply portal = send("POST", "/api/billing/portal", owner, null, null);
    assertThat(portal.status()).as(portal.raw()).isEqualTo(200);
    assertThat(portal.json().get("url").asText()).endsWith("/p/session/test_1");
  }

  @Test
  void badPlanOrIntervalIs400NamingTheField() {
    Tenant t = tenants.create(Plan.FREE, null);
    Person owner = member(t.orgId(), Role.OWNER);
    Api.Reply plan = send("POST", "/api/billing/checkout", owner, null, "{\"plan\":\"gold\"}");
    assertThat(plan.status()).isEqualTo(400);
    assertThat(plan.raw()).contains("plan");
    Api.Reply ent = send("POST", "/api/billing/checkout", owner, null, "{\"plan\":\"enterprise\"}");
    assertThat(ent.status()).isEqualTo(400);
    assertThat(ent.raw()).contains("contact us");
    Api.Reply interval =
        send(
            "POST",
            "/api/billing/checkout",
            owner,
            null,
            "{\"plan\":\"team\",\"interval\":\"weekly\"}");
    assertThat(interval.status()).isEqualTo(400);
    assertThat(interval.raw()).contains("interval");
  }

  @Test
  void checkoutThenSignedWebhookUpgradesThePlanAndTheIngestLimitAtOnce() {
    Tenant t = tenants.create(Plan.FREE, null);
    Person owner = member(t.orgId(), Role.OWNER);
    assertThat(ingest(t, 60)).isEqualTo(202);
    assertThat(ingest(t, 60)).as("Free: 100 events per minute per org").isEqualTo(429);

    String sub = "sub_" + t.orgId();
    stripe.subscription(sub, t.orgId(), "active", "price_pro_m");
    Api.Reply hook =
        signed(
            FakeStripe.event(
                "evt_" + UUID.randomUUID(), "checkout.session.completed", sub, t.orgId()));
    assertThat(hook.status()).as(hook.raw()).isEqualTo(200);
    assertThat(hook.json().get("outcome").asText()).isEqualTo("processed");

    assertThat(plan(t.orgId())).isEqualTo(Plan.PRO);
    assertThat(ingest(t, 60)).as("Pro's limit applies at once").isEqualTo(202);
    Api.Reply view = send("GET", "/api/billing", owner, null, null);
    assertThat(view.status()).as(view.raw()).isEqualTo(200);
    assertThat(view.json().get("plan").asText()).isEqualTo("pro");
    assertThat(view.json().get("status").asText()).isEqualTo("active");
    assertThat(view.json().get("interval").asText()).isEqualTo("monthly");
    assertThat(view.json().get("annualDiscountPercent").asInt()).isEqualTo(20);
    assertThat(actions(t.orgId())).contains("billing.plan_changed");
  }

  @Test
  void anotherOrgsOwnerCannotSeeOrChangeThisOrg() {
    Tenant mine = tenants.create(Plan.FREE, null);
    Tenant theirs = tenants.create(Plan.FREE, null);
    Person stranger = member(theirs.orgId(), Role.OWNER);
    Api.Reply view = send("GET", "/api/billing", stranger, null, null);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.raw()).doesNotContain(mine.orgId());
    assertThat(send("GET", "/api/billing", null, mine.key(), null).status()).isEqualTo(403);
    assertThat(plan(mine.orgId())).isEqualTo(Plan.FREE);
  }

  @Test
  void theOverviewReadsStripeOncePerOrgUntilAWebhookChangesSomething() {
    Tenant t = tenants.create(Plan.FREE, null);
    Person owner = member(t.orgId(), Role.OWNER);
    String checkout = "{\"plan\":\"pro\",\"interval\":\"monthly\"}";
    assertThat(send("POST", "/api/billing/checkout", owner, null, checkout).status())
        .isEqualTo(200);
    int before = stripe.requests("/v1/");
    Api.Reply first = send("GET", "/api/billing", owner, null, null);
    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    int afterFirst = stripe.requests("/v1/");
    assertThat(afterFirst - before).as("card, next invoice, invoices").isEqualTo(3);
    Api.Reply second = send("GET", "/api/billing", owner, null, null);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(stripe.requests("/v1/"))
        .as("the second call makes no Stripe call")
        .isEqualTo(afterFirst);

    Tenant other = tenants.create(Plan.FREE, null);
    Person otherOwner = member(other.orgId(), Role.OWNER);
    send("POST", "/api/billing/checkout", otherOwner, null, checkout);
    int beforeOther = stripe.requests("/v1/");
    send("GET", "/api/billing", otherOwner, null, null);
    assertThat(stripe.requests("/v1/") - beforeOther).as("the cache is per org").isEqualTo(3);

    String sub = "sub_cache_" + t.orgId();
    stripe.subscription(sub, t.orgId(), "active", "price_pro_m");
    assertThat(
            signed(FakeStripe.event("evt_" + UUID.randomUUID(), "invoice.paid", sub, t.orgId()))
                .status())
        .isEqualTo(200);
    int afterHook = stripe.requests("/v1/");
    Api.Reply third = send("GET", "/api/billing", owner, null, null);
    assertThat(third.json().get("plan").asText()).isEqualTo("pro");
    assertThat(stripe.requests("/v1/") - afterHook)
        .as("the webhook dropped the org's cached Stripe reads")
        .isEqualTo(3);
  }
}
