package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.OrgStore;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
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
import org.junit.jupiter.api.Test;

/**
 * The billing page in headless Chromium against {@link FakeStripe} (AC-14): the Owner of a Free org
 * sees the plan and the choices, clicks "Choose Pro, monthly", lands on Stripe Checkout, and once
 * Stripe's signed webhook arrives the page shows Pro and ingestion takes Pro's rate limit at once.
 * After a failed payment every dashboard page of the org's members shows a banner with the grace
 * period's end (a link to {@code /billing} for the Owner only), another org's members see none, and
 * {@code invoice.paid} takes it away.
 */
@RequiresChromium
public abstract class BillingBrowserContract extends AccountStack {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Stripe, served by WireMock; a launcher's {@link #start} adds {@link #withStripe}. */
  protected final FakeStripe stripe = new FakeStripe();

  private Chromium chromium;

  /**
   * Names the launcher, for the screenshot folder.
   *
   * @return e.g. {@code cloud}
   */
  protected abstract String launcher();

  /**
   * Adds the properties pointing the launcher at {@link #stripe}.
   *
   * @param extra the suite's properties
   * @return them with Stripe's
   */
  protected Map<String, Object> withStripe(Map<String, Object> extra) {
    Map<String, Object> p = new HashMap<>(extra);
    p.putAll(stripe.properties());
    return p;
  }

  @AfterAll
  void closeAll() {
    if (chromium != null) {
      chromium.close();
    }
    stripe.close();
  }

  private int ingest(String key, int n) {
    List<String> events = new ArrayList<>();
    String session = "s-" + UUID.randomUUID();
    for (int i = 0; i < n; i++) {
      events.add(SdkRequests.toolCall(session, null));
    }
    return new Api(stack.url())
        .post("/api/events", key, SdkRequests.batch(events.toArray(String[]::new)))
        .status();
  }

  private int webhook(String body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(stack.url() + "/webhooks/stripe"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Stripe-Signature", FakeStripe.sign(body, FakeStripe.WEBHOOK_SECRET))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private Chromium chromium() {
    if (chromium == null) {
      chromium = new Chromium(launcher());
    }
    return chromium;
  }

  private Page signedInPage(Accounts.Person who) {
    Page page = chromium().newPage();
    String base = "http://localhost:" + stack.port();
    page.context()
        .addCookies(
            List.of(new Cookie("al_session", who.browser().cookie("al_session")).setUrl(base)));
    return page;
  }

  @Test
  void theOwnerUpgradesFreeToProInTheBrowserAndTheLimitsChangeAtOnce() throws Exception {
    chromium();
    OrgOf org = accounts.org("Billing org");
    stack.bean(OrgStore.class).updatePlan(org.id(), Plan.FREE);
    stack.bean(OrgDirectory.class).invalidate(org.id());
    String key = accounts.key(org.id(), org.owner()).get("key").asText();
    assertThat(ingest(key, 60)).isEqualTo(202);
    assertThat(ingest(key, 60)).as("Free: 100 events a minute").isEqualTo(429);

    Page page = chromium.newPage();
    String base = "http://localhost:" + stack.port();
    page.context()
        .addCookies(
            List.of(
                new Cookie("al_session", org.owner().browser().cookie("al_session")).setUrl(base)));
    assertThat(page.navigate(base + "/billing").status()).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo("Billing");
    assertThat(page.locator("nav a[href='/billing']").getAttribute("aria-current"))
        .as("the Owner's nav links the page")
        .isEqualTo("page");
    assertThat(page.locator("#billing-plan").textContent()).isEqualTo("Free");
    assertThat(page.locator("#billing-card").textContent()).isEqualTo("no card on file");
    assertThat(page.locator("form.plan-choice").count()).isEqualTo(4);
    chromium.assertAccessible(page, "/billing");
    chromium.screenshot(page, "billing-free");

    page.locator("#choose-pro-monthly").click();
    // why: the CSP lets forms post only to the dashboard, so a page sends the browser on
    page.waitForURL(stripe.checkoutUrl());
    assertThat(page.url()).isEqualTo(stripe.checkoutUrl());
    assertThat(stripe.requests("/v1/checkout/sessions")).isEqualTo(1);

    String sub = "sub_" + org.id();
    stripe.subscription(sub, org.id(), "active", "price_pro_m");
    assertThat(
            webhook(
                FakeStripe.event(
                    "evt_" + UUID.randomUUID(), "checkout.session.completed", sub, org.id())))
        .isEqualTo(200);

    page.navigate(base + "/billing");
    assertThat(page.locator("#billing-plan").textContent()).isEqualTo("Pro");
    assertThat(page.locator("#billing-status").textContent()).isEqualTo("active");
    assertThat(page.locator("#choose-pro-monthly").count()).as("the current plan").isZero();
    chromium.assertAccessible(page, "/billing on Pro");
    chromium.screenshot(page, "billing-pro");
    assertThat(ingest(key, 60)).as("Pro's rate limit applies at once").isEqualTo(202);
  }

  @Test
  void aFailedPaymentShowsABannerOnEveryPageOfTheOrgsMembers() throws Exception {
    OrgOf org = accounts.org("Unpaid org");
    stack.bean(OrgStore.class).updatePlan(org.id(), Plan.TEAM);
    stack.bean(OrgDirectory.class).invalidate(org.id());
    Accounts.Person member = accounts.signedIn("unpaid-member");
    accounts.join(org.id(), org.owner(), member, "member");
    OrgOf other = accounts.org("Paying org");
    String base = "http://localhost:" + stack.port();

    Page owner = signedInPage(org.owner());
    owner.navigate(base + "/sessions");
    assertThat(owner.locator("#payment-banner").count()).as("payments fine: no banner").isZero();

    String sub = "sub_pf_" + org.id();
    stripe.subscription(sub, org.id(), "past_due", "price_team_m");
    assertThat(
            webhook(
                FakeStripe.event(
                    "evt_" + UUID.randomUUID(), "invoice.payment_failed", sub, org.id())))
        .isEqualTo(200);

    for (String path : List.of("/sessions", "/analytics", "/usage", "/org/members")) {
      assertThat(owner.navigate(base + path).status()).as(path).isEqualTo(200);
      assertThat(owner.locator("#payment-banner").isVisible()).as(path).isTrue();
      assertThat(owner.locator("#payment-banner").textContent())
          .contains("The last payment failed")
          .contains("then moves to the Free plan");
      assertThat(owner.locator("#payment-banner-fix").getAttribute("href")).isEqualTo("/billing");
    }
    chromium().assertAccessible(owner, "/org/members with the payment-failed banner");
    chromium().screenshot(owner, "payment-failed-banner-owner");
    owner.navigate(base + "/billing");
    assertThat(owner.locator("#billing-payment-failed").isVisible())
        .as("the billing page says it in its own alert")
        .isTrue();
    assertThat(owner.locator("#payment-banner").count()).isZero();

    Page colleague = signedInPage(member);
    colleague.navigate(base + "/sessions");
    assertThat(colleague.locator("#payment-banner").isVisible()).isTrue();
    assertThat(colleague.locator("#payment-banner").textContent()).contains("An Owner");
    assertThat(colleague.locator("#payment-banner-fix").count())
        .as("only the Owner can fix it")
        .isZero();
    chromium().assertAccessible(colleague, "/sessions with the payment-failed banner (member)");

    Page stranger = signedInPage(other.owner());
    stranger.navigate(base + "/sessions");
    assertThat(stranger.locator("#payment-banner").count()).as("another org").isZero();

    stripe.subscription(sub, org.id(), "active", "price_team_m");
    assertThat(webhook(FakeStripe.event("evt_" + UUID.randomUUID(), "invoice.paid", sub, org.id())))
        .isEqualTo(200);
    owner.navigate(base + "/sessions");
    assertThat(owner.locator("#payment-banner").count()).as("paid: the banner goes").isZero();
  }
}
