package ai.agentlens.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingPrices;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import ai.agentlens.core.port.billing.Subscription;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against WireMock serving recorded Stripe response shapes, one per call it makes. */
class StripeBillingGatewayTest {

  static final BillingPrices PRICES =
      new BillingPrices(
          "price_pro_m",
          "price_pro_y",
          "price_team_m",
          "price_team_y",
          "price_overage",
          "agentlens_overage_events");

  private WireMockServer stripe;
  private StripeBillingGateway gateway;

  @BeforeEach
  void start() {
    stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stripe.start();
    gateway =
        new StripeBillingGateway(new StripeSettings("sk_test_123", stripe.baseUrl(), PRICES, 5000));
  }

  @AfterEach
  void stop() {
    stripe.stop();
  }

  static String fixture(String name) {
    try (InputStream in = StripeBillingGatewayTest.class.getResourceAsStream("/stripe/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void serve(MappingBuilder m, String fixture) {
    serve(m, 200, fixture);
  }

  private void serve(MappingBuilder m, int status, String fixture) {
    stripe.stubFor(
        m.willReturn(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test")
                .withBody(fixture(fixture))));
  }

  @Test
  void createsACustomerIdempotentlyPerOrgWithTheOrgInItsMetadata() {
    serve(post("/v1/customers"), "customer.json");
    assertThat(gateway.createCustomer("org_a", "Acme", "owner@example.com")).isEqualTo("cus_Test1");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/customers"))
            .withHeader("Authorization", equalTo("Bearer sk_test_123"))
            .withHeader("Idempotency-Key", equalTo("customer-org_a"))
            .withRequestBody(containing("metadata[org_id]=org_a"))
            .withRequestBody(containing("email=owner%40example.com")));
  }

  @Test
  void checkoutSellsTheConfiguredPriceOfThePlanAndIntervalPlusMeteredOverage() {
    serve(post("/v1/checkout/sessions"), "checkout-session.json");
    String url =
        gateway.createCheckout(
            "cus_Test1",
            "org_a",
            Plan.PRO,
            BillingInterval.ANNUAL,
            "https://app.example/billing?ok",
            "https://app.example/billing");
    assertThat(url).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing("mode=subscription"))
            .withRequestBody(containing("customer=cus_Test1"))
            .withRequestBody(containing("client_reference_id=org_a"))
            .withRequestBody(containing("line_items[0][price]=price_pro_y"))
            .withRequestBody(containing("line_items[1][price]=price_overage"))
            .withRequestBody(containing("subscription_data[metadata][org_id]=org_a")));
  }

  @Test
  void checkoutRefusesAPlanWithoutAPrice() {
    assertThatThrownBy(
            () ->
                gateway.createCheckout(
                    "cus_Test1", "org_a", Plan.ENTERPRISE, BillingInterval.MONTHLY, "s", "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stripe.getAllServeEvents()).isEmpty();
  }

  @Test
  void opensThePortal() {
    serve(post("/v1/billing_portal/sessions"), "portal-session.json");
    assertThat(gateway.createPortal("cus_Test1", "https://app.example/billing"))
        .isEqualTo("https://billing.stripe.com/p/session/test_1");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
            .withRequestBody(containing("customer=cus_Test1"))
            .withRequestBody(containing("return_url=https%3A%2F%2Fapp.example%2Fbilling")));
  }

  @Test
  void readsASubscriptionsPlanIntervalAndPeriodFromItsItems() {
    serve(get(urlPathEqualTo("/v1/subscriptions/sub_1")), "subscription-pro.json");
    Subscription s = gateway.subscription("sub_1").orElseThrow();
    assertThat(s.plan()).isEqualTo(Plan.PRO);
    assertThat(s.interval()).isEqualTo(BillingInterval.MONTHLY);
    assertThat(s.status()).isEqualTo("active");
    assertThat(s.orgId()).isEqualTo("org_a");
    assertThat(s.customerId()).isEqualTo("cus_Test1");
    assertThat(s.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(1769904000L));
    assertThat(s.scheduledPlan()).isNull();
    assertThat(s.live()).isTrue();
  }

  @Test
  void readsAScheduledDowngrade() {
    serve(get(urlPathEqualTo("/v1/subscriptions/sub_1")), "subscription-team-downgrading.json");
    Subscription s = gateway.subscription("sub_1").orElseThrow();
    assertThat(s.plan()).isEqualTo(Plan.TEAM);
    assertThat(s.scheduledPlan()).isEqualTo(Plan.PRO);
    assertThat(s.scheduledAt()).isEqualTo(Instant.ofEpochSecond(1769904000L));
  }

  @Test
  void anUnknownSubscriptionIsEmpty() {
    serve(get(urlPathEqualTo("/v1/subscriptions/sub_nope")), 404, "error-404.json");
    assertThat(gateway.subscription("sub_nope")).isEmpty();
  }

  @Test
  void findsTheLiveSubscriptionSkippingCanceledOnes() {
    serve(get(urlPathEqualTo("/v1/subscriptions")), "subscriptions-list.json");
    Subscription s = gateway.liveSubscription("cus_Test1").orElseThrow();
    assertThat(s.id()).isEqualTo("sub_trial");
    assertThat(s.status()).isEqualTo("trialing");
    assertThat(s.trialEnd()).isEqualTo(Instant.ofEpochSecond(1768435200L));
    stripe.verify(
        getRequestedFor(urlPathEqualTo("/v1/subscriptions"))
            .withQueryParam("customer", equalTo("cus_Test1"))
            .withQueryParam("status", equalTo("all")));
  }

  @Test
  void listsInvoicesWithBaseAndOverageItemized() {
    serve(get(urlPathEqualTo("/v1/invoices")), "invoices-list.json");
    List<Invoice> invoices = gateway.invoices("cus_Test1", 12);
    assertThat(invoices).hasSize(1);
    Invoice inv = invoices.get(0);
    assertThat(inv.number()).isEqualTo("ACME-0001");
    assertThat(inv.totalCents()).isEqualTo(3900);
    assertThat(inv.lines()).extracting(Invoice.Line::overage).containsExactly(false, true);
    assertThat(inv.lines().get(1).quantity()).isEqualTo(100_000);
    assertThat(inv.lines().get(1).amountCents()).isEqualTo(1000);
  }

  @Test
  void previewsTheNextInvoiceAndIsEmptyWhenNoneIsDue() {
    serve(post("/v1/invoices/create_preview"), "invoice-preview.json");
    assertThat(gateway.upcomingInvoice("cus_Test1").orElseThrow().totalCents()).isEqualTo(2900);
    stripe.resetAll();
    serve(post("/v1/invoices/create_preview"), 404, "error-upcoming-none.json");
    assertThat(gateway.upcomingInvoice("cus_Test1")).isEmpty();
  }

  @Test
  void readsThePaymentMethodState() {
    serve(get(urlPathEqualTo("/v1/customers/cus_Test1")), "customer-with-card.json");
    PaymentMethodState pm = gateway.paymentMethod("cus_Test1");
    assertThat(pm).isEqualTo(new PaymentMethodState(true, "visa", "4242", 12, 2030));
    stripe.resetAll();
    serve(get(urlPathEqualTo("/v1/customers/cus_Test1")), "customer.json");
    assertThat(gateway.paymentMethod("cus_Test1")).isEqualTo(PaymentMethodState.NONE);
  }

  @Test
  void anUpgradeReplacesTheBasePriceAtOnceWithProration() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/subscriptions/sub_1"))
            .inScenario("upgrade")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withBody(fixture("subscription-pro.json"))));
    stripe.stubFor(
        post("/v1/subscriptions/sub_1")
            .inScenario("upgrade")
            .willSetStateTo("upgraded")
            .willReturn(aResponse().withBody(fixture("subscription-team.json"))));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/subscriptions/sub_1"))
            .inScenario("upgrade")
            .whenScenarioStateIs("upgraded")
            .willReturn(aResponse().withBody(fixture("subscription-team.json"))));
    Subscription s = gateway.changePlan("sub_1", Plan.TEAM, BillingInterval.MONTHLY, true);
    assertThat(s.plan()).isEqualTo(Plan.TEAM);
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/subscriptions/sub_1"))
            .withRequestBody(containing("items[0][id]=si_base"))
            .withRequestBody(containing("items[0][price]=price_team_m"))
            .withRequestBody(containing("proration_behavior=always_invoice")));
  }

  @Test
  void aDowngradeIsScheduledForThePeriodEnd() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/subscriptions/sub_1"))
            .inScenario("down")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withBody(fixture("subscription-team.json"))));
    serve(post("/v1/subscription_schedules"), "schedule.json");
    stripe.stubFor(
        post("/v1/subscription_schedules/sub_sched_1")
            .inScenario("down")
            .willSetStateTo("scheduled")
            .willReturn(aResponse().withBody(fixture("schedule.json"))));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/subscriptions/sub_1"))
            .inScenario("down")
            .whenScenarioStateIs("scheduled")
            .willReturn(aResponse().withBody(fixture("subscription-team-downgrading.json"))));
    Subscription s = gateway.changePlan("sub_1", Plan.PRO, BillingInterval.MONTHLY, false);
    assertThat(s.plan()).isEqualTo(Plan.TEAM);
    assertThat(s.scheduledPlan()).isEqualTo(Plan.PRO);
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/subscription_schedules"))
            .withRequestBody(containing("from_subscription=sub_1")));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/subscription_schedules/sub_sched_1"))
            .withRequestBody(containing("phases[0][end_date]=1769904000"))
            .withRequestBody(containing("phases[1][start_date]=1769904000"))
            .withRequestBody(containing("phases[1][items][0][price]=price_pro_m"))
            .withRequestBody(containing("phases[1][items][1][price]=price_overage"))
            .withRequestBody(containing("end_behavior=release")));
  }

  @Test
  void reportsOverageAsAMeterEventWithOneIdempotencyKeyPerOrgAndHour() {
    serve(post("/v1/billing/meter_events"), "meter-event.json");
    Instant hour = Instant.ofEpochSecond(1767225600L);
    String id = gateway.reportOverage("cus_Test1", "org_a", hour, 1234);
    assertThat(id).isEqualTo("overage-org_a-1767225600");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/billing/meter_events"))
            .withHeader("Idempotency-Key", equalTo("overage-org_a-1767225600"))
            .withRequestBody(containing("event_name=agentlens_overage_events"))
            .withRequestBody(containing("identifier=overage-org_a-1767225600"))
            .withRequestBody(containing("payload[stripe_customer_id]=cus_Test1"))
            .withRequestBody(containing("payload[value]=1234"))
            .withRequestBody(containing("timestamp=1767225600")));
  }

  @Test
  void aRefusalIsABillingExceptionThatNamesTheCallButNotTheKey() {
    serve(post("/v1/customers"), 401, "error-401.json");
    assertThatThrownBy(() -> gateway.createCustomer("org_a", "Acme", null))
        .isInstanceOf(BillingException.class)
        .hasMessageContaining("create customer")
        .hasMessageNotContaining("sk_test_123");
  }

  @Test
  void anUnreachableStripeIsABillingException() {
    stripe.stop();
    assertThatThrownBy(() -> gateway.paymentMethod("cus_Test1"))
        .isInstanceOf(BillingException.class);
  }
}
