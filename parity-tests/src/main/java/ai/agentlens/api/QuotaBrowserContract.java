package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.OrgStore;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The quota warning in headless Chromium (AC-13), with quotas divided by {@link
 * QuotaApiContract#DIVISOR} (Free: 50): at 80 % the banner is visible on the dashboard's pages and
 * the Owner has exactly one warning mail however many requests follow; the usage page shows the
 * chart and the numbers and is axe-clean; at 100 % the banner explains the cut-off and links to
 * {@code /billing}.
 */
@RequiresChromium
public abstract class QuotaBrowserContract extends AccountStack {

  /**
   * Names the launcher, for the screenshot folder.
   *
   * @return e.g. {@code cloud}
   */
  protected abstract String launcher();

  private Chromium chromium;

  @AfterAll
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private Api.Reply ingest(String key, int n) {
    List<String> events = new ArrayList<>();
    String session = "s-" + UUID.randomUUID();
    for (int i = 0; i < n; i++) {
      events.add(
          "{\"sessionId\":\""
              + session
              + "\",\"agentId\":\"support-bot\",\"eventType\":\"custom\","
              + "\"payload\":{\"type\":\"t\",\"data\":{}}}");
    }
    return new Api(stack.url())
        .post("/api/events", key, SdkRequests.batch(events.toArray(String[]::new)));
  }

  @Test
  void theBannerShowsAtEightyPercentWithOneMailAndExplainsTheCutOff() throws Exception {
    chromium = new Chromium(launcher());
    OrgOf org = accounts.org("Banner org");
    stack.bean(OrgStore.class).updatePlan(org.id(), Plan.FREE);
    stack.bean(OrgDirectory.class).invalidate(org.id());
    String key = accounts.key(org.id(), org.owner()).get("key").asText();
    int before = mail.count(org.owner().email());
    assertThat(ingest(key, 30).status()).isEqualTo(202);
    Page page = chromium.newPage();
    String base = "http://localhost:" + stack.port();
    page.context()
        .addCookies(
            List.of(
                new Cookie("al_session", org.owner().browser().cookie("al_session")).setUrl(base)));
    page.navigate(base + "/sessions");
    assertThat(page.locator(".banner").count()).as("no banner at 60 %").isZero();

    assertThat(ingest(key, 10).status()).isEqualTo(202);
    for (int i = 0; i < 9; i++) {
      assertThat(ingest(key, 1).status()).isEqualTo(202);
    }
    Response r = page.navigate(base + "/sessions");
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator(".banner").isVisible()).isTrue();
    assertThat(page.locator(".banner").textContent())
        .contains("98 % of this month's quota used.")
        .contains("49 of 50 events");
    chromium.screenshot(page, "quota-banner");
    mail.await(org.owner().email(), "monthly event quota", before);

    // why: the usage page counts stored events, and the cloud worker stores them after the 202
    assertThat(new Api(stack.url()).awaitStoredEvents(key, 49, Duration.ofSeconds(20)))
        .as("events stored")
        .isEqualTo(49);
    page.navigate(base + "/usage");
    assertThat(page.locator("h1").textContent()).isEqualTo("Usage");
    assertThat(page.locator("#usage-used").textContent()).isEqualTo("49");
    assertThat(page.locator("#usage-remaining").textContent()).isEqualTo("1");
    assertThat(page.locator("#usage-chart rect").count()).isGreaterThanOrEqualTo(1);
    assertThat(page.locator("#usage-agents").textContent()).contains("support-bot");
    assertThat(page.locator(".banner").isVisible()).isTrue();
    chromium.assertAccessible(page, "/usage");
    chromium.screenshot(page, "usage");

    assertThat(ingest(key, 1).status()).isEqualTo(202);
    assertThat(ingest(key, 1).status()).isEqualTo(402);
    page.navigate(base + "/sessions");
    assertThat(page.locator(".banner").textContent())
        .contains("Monthly quota reached: new events are refused until the next period.");
    assertThat(page.locator("#banner-upgrade").getAttribute("href")).isEqualTo("/billing");
    chromium.assertAccessible(page, "/sessions with the cut-off banner");
    chromium.screenshot(page, "quota-cut-off");
    Thread.sleep(1_000);
    assertThat(mail.count(org.owner().email())).as("one warning mail").isEqualTo(before + 1);
  }

  /**
   * Adds the scaled quota to the suite's properties.
   *
   * @param extra the suite's properties
   * @return them with the divisor
   */
  public static Map<String, Object> scaled(Map<String, Object> extra) {
    return QuotaApiContract.scaled(extra);
  }
}
