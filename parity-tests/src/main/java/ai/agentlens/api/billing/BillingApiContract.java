package ai.agentlens.api.billing;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.AccountStack;
import ai.agentlens.api.Api;
import ai.agentlens.api.FakeStripe;
import ai.agentlens.api.Mailbox;
import ai.agentlens.api.Tenants;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.api.TestStack;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stripe billing on a launcher that has it (app-cloud), against {@link FakeStripe}: the Owner-only
 * routes (others 403, API keys 403, no credentials 401, 400s naming the field), signed webhooks
 * (bad, expired and duplicate deliveries; out-of-order events converge on Stripe's current state),
 * the whole loop checkout → signed webhook → plan changed → ingest limit changed at once, and a
 * failed payment's mail to the Owner and audit entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BillingApiContract {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The launcher under test. */
  protected TestStack stack;

  private FakeStripe stripe;
  private Mailbox mail;
  private Tenants tenants;
  private Api api;

  /**
   * Starts the launcher under test with extra properties.
   *
   * @param extra Micronaut properties
   * @return the running launcher
   */
  protected abstract TestStack start(Map<String, Object> extra);

  @BeforeAll
  void startAll() {
    stripe = new FakeStripe();
    mail = new Mailbox();
    Map<String, Object> p = new HashMap<>(AccountStack.testProperties(mail.port()));
    p.putAll(stripe.properties());
    stack = start(p);
    tenants = new Tenants(stack);
    api = new Api(stack.url());
  }

  @AfterAll
  void stopAll() {
    stack.close();
    stripe.close();
    mail.close();
  }

  /** A signed-in member of an org: the session cookie and its CSRF token. */
  protected record Person(String userId, String email, String cookie, String csrf) {}

  /**
   * Adds a user with a role to an org and signs them in.
   *
   * @param orgId the org
   * @param role the role
   * @return the person
   */
  protected Person member(String orgId, Role role) {
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    String email = id + "@example.com";
    var now = stack.bean(Clock.class).now();
    stack.bean(UserStore.class).create(new User(id, email, "U", null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(orgId, id, role, now));
    var started = stack.bean(LoginSessions.class).start(id);
    return new Person(id, email, started.cookieValue(), started.session().csrfToken());
  }

  /**
   * Sends a request as a signed-in person (cookie + CSRF header), or with an API key.
   *
   * @param method the method
   * @param path the path
   * @param who the person, or {@code null}
   * @param key an API key, or {@code null}
   * @param body JSON body, or {@code null}
   * @return the reply
   */
  protected Api.Reply send(String method, String path, Person who, String key, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + path)).timeout(Duration.ofSeconds(20));
    if (who != null) {
      b.header("Cookie", "al_session=" + who.cookie() + "; al_csrf=" + who.csrf());
      b.header("X-CSRF-Token", who.csrf());
    }
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    b.header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(r.statusCode(), r.body(), r);
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Posts a webhook with a signature header.
   *
   * @param body the payload
   * @param signature the header, or {@code null}
   * @return the reply
   */
  protected Api.Reply webhook(String body, String signature) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stack.url() + "/webhooks/stripe"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      b.header("Stripe-Signature", signature);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Reply(r.statusCode(), r.body(), r);
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private Api.Reply signed(String body) {
    return webhook(body, FakeStripe.sign(body, FakeStripe.WEBHOOK_SECRET));
  }

  private Plan plan(String orgId) {
    return stack.bean(OrgStore.class).find(orgId).orElseThrow().plan();
  }

  private List<String> actions(String orgId) {
    return stack.bean(Stores.class).audit().query(orgId, AuditQuery.newest(100)).stream()
        .map(AuditEntry::action)
        .toList();
  }

  private int ingest(Tenant t, int events) {
    List<String> list = new ArrayList<>();
    String s = "s-" + UUID.randomUUID();
    for (int i = 0; i < events; i++) {
      list.add(toolCall(s, null));
    }
    return api.post("/api/events", t.key(), batch(list.toArray(String[]::new))).status();
  }

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
}
