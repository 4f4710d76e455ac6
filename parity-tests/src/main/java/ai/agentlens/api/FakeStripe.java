package ai.agentlens.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe on localhost for the launcher suites: WireMock answering the calls the adapter makes with
 * Stripe's response shapes, the server's properties pointing at it, and webhook signing with
 * Stripe's scheme ({@code t=<ts>,v1=hex(HMAC-SHA256(secret, "<ts>.<body>"))}).
 */
public final class FakeStripe implements AutoCloseable {

  /** The webhook signing secret the server is configured with. */
  public static final String WEBHOOK_SECRET = "whsec_agentlens_test_secret";

  /** The Checkout page URL WireMock hands out. */
  public static final String CHECKOUT_PATH = "/c/pay/cs_test_1";

  private final WireMockServer server;

  /** Starts WireMock on a free port with the customer, checkout and portal calls stubbed. */
  public FakeStripe() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    json(post(urlPathEqualTo("/v1/customers")), 200, customer());
    json(
        post(urlPathEqualTo("/v1/checkout/sessions")),
        200,
        "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
            + "\"url\":\""
            + checkoutUrl()
            + "\"}");
    json(
        post(urlPathEqualTo("/v1/billing_portal/sessions")),
        200,
        "{\"id\":\"bps_1\",\"object\":\"billing_portal.session\",\"url\":\""
            + server.baseUrl()
            + "/p/session/test_1\"}");
    json(
        post(urlPathEqualTo("/v1/invoices/create_preview")),
        404,
        "{\"error\":{\"code\":\"invoice_upcoming_none\",\"type\":\"invalid_request_error\"}}");
    json(get(urlPathEqualTo("/v1/invoices")), 200, "{\"object\":\"list\",\"data\":[]}");
    json(get(urlPathEqualTo("/v1/customers/cus_Test1")), 200, customer());
  }

  private static String customer() {
    return "{\"id\":\"cus_Test1\",\"object\":\"customer\",\"invoice_settings\":"
        + "{\"default_payment_method\":null}}";
  }

  /**
   * Returns the Checkout URL the fake hands out (served by WireMock as a page).
   *
   * @return the URL
   */
  public String checkoutUrl() {
    return server.baseUrl() + CHECKOUT_PATH;
  }

  /**
   * Returns the properties that point a launcher at this fake.
   *
   * @return Micronaut properties
   */
  public Map<String, Object> properties() {
    Map<String, Object> p = new HashMap<>();
    p.put("agentlens.stripe.secret-key", "sk_test_agentlens");
    p.put("agentlens.stripe.api-base", server.baseUrl());
    p.put("agentlens.stripe.webhook-secret", WEBHOOK_SECRET);
    p.put("agentlens.stripe.price.pro-monthly", "price_pro_m");
    p.put("agentlens.stripe.price.pro-annual", "price_pro_y");
    p.put("agentlens.stripe.price.team-monthly", "price_team_m");
    p.put("agentlens.stripe.price.team-annual", "price_team_y");
    p.put("agentlens.stripe.price.overage", "price_overage");
    p.put("agentlens.billing.jobs.enabled", "false");
    return p;
  }

  /**
   * Makes {@code GET /v1/subscriptions/<id>} answer with a subscription's current state.
   *
   * @param id the subscription id
   * @param orgId its org (metadata)
   * @param status e.g. {@code active}, {@code canceled}
   * @param price its base price id
   */
  public void subscription(String id, String orgId, String status, String price) {
    json(
        get(urlPathEqualTo("/v1/subscriptions/" + id)),
        200,
        "{\"id\":\""
            + id
            + "\",\"object\":\"subscription\",\"customer\":\"cus_Test1\",\"status\":\""
            + status
            + "\",\"cancel_at_period_end\":false,\"metadata\":{\"org_id\":\""
            + orgId
            + "\"},\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_"
            + id
            + "\",\"object\":\"subscription_item\",\"current_period_start\":1767225600,"
            + "\"current_period_end\":1769904000,\"price\":{\"id\":\""
            + price
            + "\",\"object\":\"price\"}}]}}");
  }

  /**
   * Builds a signed event about a subscription.
   *
   * @param eventId the event id
   * @param type the event type
   * @param subscriptionId the subscription
   * @param orgId the org in the body's metadata
   * @return the body
   */
  public static String event(String eventId, String type, String subscriptionId, String orgId) {
    String object =
        type.startsWith("checkout.")
            ? "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"customer\":\"cus_Test1\","
                + "\"subscription\":\""
                + subscriptionId
                + "\",\"client_reference_id\":\""
                + orgId
                + "\",\"metadata\":{}}"
            : type.startsWith("invoice.")
                ? "{\"id\":\"in_1\",\"object\":\"invoice\",\"customer\":\"cus_Test1\",\"parent\":"
                    + "{\"subscription_details\":{\"subscription\":\""
                    + subscriptionId
                    + "\"}}}"
                : "{\"id\":\""
                    + subscriptionId
                    + "\",\"object\":\"subscription\",\"customer\":\"cus_Test1\","
                    + "\"status\":\"active\",\"metadata\":{\"org_id\":\""
                    + orgId
                    + "\"}}";
    return "{\"id\":\""
        + eventId
        + "\",\"object\":\"event\",\"created\":"
        + System.currentTimeMillis() / 1000
        + ",\"type\":\""
        + type
        + "\",\"data\":{\"object\":"
        + object
        + "}}";
  }

  /**
   * Signs a body as Stripe does, now.
   *
   * @param body the body
   * @param secret the secret
   * @return the {@code Stripe-Signature} header
   */
  public static String sign(String body, String secret) {
    return sign(body, secret, System.currentTimeMillis() / 1000);
  }

  /**
   * Signs a body as Stripe does.
   *
   * @param body the body
   * @param secret the secret
   * @param timestamp the signed time (epoch seconds)
   * @return the {@code Stripe-Signature} header
   */
  public static String sign(String body, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sig);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns how many requests WireMock received on a path.
   *
   * @param path the path
   * @return the count
   */
  public int requests(String path) {
    return (int)
        server.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().startsWith(path))
            .count();
  }

  private void json(
      com.github.tomakehurst.wiremock.client.MappingBuilder m, int status, String body) {
    server.stubFor(
        m.willReturn(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
  }

  @Override
  public void close() {
    server.stop();
  }
}
