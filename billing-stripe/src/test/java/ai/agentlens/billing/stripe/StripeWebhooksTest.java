package ai.agentlens.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.port.billing.BillingException;
import ai.agentlens.core.port.billing.BillingPrices;
import ai.agentlens.core.port.billing.WebhookEvent;
import org.junit.jupiter.api.Test;

/** Webhook verification with stripe-java's real signing scheme and a test secret. */
class StripeWebhooksTest {

  private static final String SECRET = "whsec_test_secret_for_unit_tests";

  private final StripeBillingGateway gateway =
      new StripeBillingGateway(
          new StripeSettings(
              "sk_test_x",
              "http://127.0.0.1:9",
              new BillingPrices("p1", "p2", "p3", "p4", "p5", "m"),
              1000));

  static String subscriptionEvent(String id, String type) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"event\",\"api_version\":\"2025-09-30.clover\",\"created\":1767225600,"
        + "\"livemode\":false,\"pending_webhooks\":1,\"type\":\""
        + type
        + "\",\"data\":{\"object\":{\"id\":\"sub_1\",\"object\":\"subscription\","
        + "\"customer\":\"cus_Test1\",\"status\":\"active\",\"metadata\":{\"org_id\":\"org_a\"}}}}";
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  void aGoodSignatureYieldsTheEventsIds() {
    String body = subscriptionEvent("evt_1", "customer.subscription.updated");
    WebhookEvent e =
        gateway.verifyWebhook(body, TestSigner.header(body, SECRET, now()), SECRET, 300);
    assertThat(e.id()).isEqualTo("evt_1");
    assertThat(e.type()).isEqualTo("customer.subscription.updated");
    assertThat(e.subscriptionId()).isEqualTo("sub_1");
    assertThat(e.customerId()).isEqualTo("cus_Test1");
    assertThat(e.orgId()).isEqualTo("org_a");
    assertThat(e.created()).isEqualTo(1767225600L);
  }

  @Test
  void checkoutCompletedNamesTheOrgByClientReference() {
    String body =
        "{\"id\":\"evt_2\",\"object\":\"event\",\"created\":1767225600,\"type\":"
            + "\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"cs_1\",\"object\":"
            + "\"checkout.session\",\"customer\":\"cus_Test1\",\"subscription\":\"sub_1\","
            + "\"client_reference_id\":\"org_a\",\"metadata\":{}}}}";
    WebhookEvent e =
        gateway.verifyWebhook(body, TestSigner.header(body, SECRET, now()), SECRET, 300);
    assertThat(e.subscriptionId()).isEqualTo("sub_1");
    assertThat(e.orgId()).isEqualTo("org_a");
  }

  @Test
  void anInvoiceNamesItsSubscriptionUnderParent() {
    String body =
        "{\"id\":\"evt_3\",\"object\":\"event\",\"created\":1767225600,\"type\":"
            + "\"invoice.payment_failed\",\"data\":{\"object\":{\"id\":\"in_1\",\"object\":"
            + "\"invoice\",\"customer\":\"cus_Test1\",\"parent\":{\"type\":"
            + "\"subscription_details\",\"subscription_details\":{\"subscription\":\"sub_9\"}}}}}";
    WebhookEvent e =
        gateway.verifyWebhook(body, TestSigner.header(body, SECRET, now()), SECRET, 300);
    assertThat(e.subscriptionId()).isEqualTo("sub_9");
  }

  @Test
  void aWrongSecretIsRefused() {
    String body = subscriptionEvent("evt_1", "customer.subscription.updated");
    String header = TestSigner.header(body, "whsec_other", now());
    assertThatThrownBy(() -> gateway.verifyWebhook(body, header, SECRET, 300))
        .isInstanceOf(BillingException.InvalidSignature.class);
  }

  @Test
  void aTamperedBodyIsRefused() {
    String body = subscriptionEvent("evt_1", "customer.subscription.updated");
    String header = TestSigner.header(body, SECRET, now());
    String tampered = body.replace("org_a", "org_b");
    assertThatThrownBy(() -> gateway.verifyWebhook(tampered, header, SECRET, 300))
        .isInstanceOf(BillingException.InvalidSignature.class);
  }

  @Test
  void aReplayOutsideTheToleranceIsRefused() {
    String body = subscriptionEvent("evt_1", "customer.subscription.updated");
    String old = TestSigner.header(body, SECRET, now() - 301);
    assertThatThrownBy(() -> gateway.verifyWebhook(body, old, SECRET, 300))
        .isInstanceOf(BillingException.InvalidSignature.class)
        .hasMessageContaining("tolerance");
  }

  @Test
  void aMissingOrMalformedHeaderIsRefused() {
    String body = subscriptionEvent("evt_1", "customer.subscription.updated");
    assertThatThrownBy(() -> gateway.verifyWebhook(body, null, SECRET, 300))
        .isInstanceOf(BillingException.InvalidSignature.class);
    assertThatThrownBy(() -> gateway.verifyWebhook(body, "garbage", SECRET, 300))
        .isInstanceOf(BillingException.InvalidSignature.class);
  }

  @Test
  void aSignedBodyThatIsNotAnEventIsRefused() {
    String body = "not json";
    String header = TestSigner.header(body, SECRET, now());
    assertThatThrownBy(() -> gateway.verifyWebhook(body, header, SECRET, 300))
        .isInstanceOf(BillingException.InvalidSignature.class);
  }
}
