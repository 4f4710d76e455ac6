package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The agents pages and the alerts page in headless Chromium, on both launchers: the agents list
 * shows the health score and its dimensions, the agent page draws the 30-day history chart from the
 * daily snapshots, the alerts page creates a rule through its form, lists its firing and disables
 * it; every page axe-clean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class AgentsAlertsBrowserContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  /**
   * Names the launcher, for the screenshot folder.
   *
   * @return e.g. {@code selfhosted}
   */
  protected abstract String launcher();

  private TestStack stack;
  private Chromium chromium;
  private ComplianceFixture fx;
  private Api api;

  @BeforeAll
  void startAll() throws Exception {
    // why: without a browser every test is reported skipped by @RequiresChromium; start nothing
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    stack =
        start(
            Map.of(
                "agentlens.test.clock", "mutable",
                "agentlens.health.snapshots.interval", "1s",
                "agentlens.health.snapshots.initial-delay", "1s",
                "agentlens.alerts.check.interval", "1s",
                "agentlens.alerts.check.initial-delay", "1s"));
    api = new Api(stack.url());
    fx = ComplianceFixture.load(new Tenants(stack), api, stack);
    String at = TestClock.current().toString();
    String events =
        "{\"events\":[{\"sessionId\":\"bb-1\",\"agentId\":\"browser-bot\","
            + "\"eventType\":\"session_started\",\"timestamp\":\""
            + at
            + "\","
            + "\"payload\":{\"agentName\":\"Browser Bot\"}},"
            + "{\"sessionId\":\"bb-1\",\"agentId\":\"browser-bot\","
            + "\"eventType\":\"session_ended\",\"timestamp\":\""
            + at
            + "\","
            + "\"payload\":{\"reason\":\"completed\"}}]}";
    Api.Reply r = api.post("/api/events", fx.tenant().key(), events);
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.await(
        "/api/health/history?agentId=browser-bot",
        fx.tenant().key(),
        x -> x.status() == 200 && x.json().get("snapshots").size() == 1,
        Duration.ofSeconds(20));
  }

  @AfterAll
  void stopAll() {
    if (stack != null) {
      stack.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  private String base() {
    return "http://localhost:" + stack.port();
  }

  private Page signedIn() {
    Page page = chromium.newPage();
    page.context().addCookies(List.of(new Cookie("al_session", fx.sessionCookie()).setUrl(base())));
    return page;
  }

  @Test
  void theAgentsPagesShowHealthAndTheHistoryChart() {
    Page page = signedIn();
    Response r = page.navigate(base() + "/agents");
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo("Agents");
    assertThat(page.locator("nav.sidebar a[aria-current=page]").textContent()).isEqualTo("Agents");
    String table = page.locator("#agents-table").textContent();
    assertThat(table).contains("Browser Bot").contains("100.0");
    chromium.assertAccessible(page, "/agents");
    chromium.screenshot(page, "agents");
    page.locator("#agents-table a", new Page.LocatorOptions().setHasText("Browser Bot")).click();
    page.waitForURL("**/agents/browser-bot");
    assertThat(page.locator("h1").textContent()).isEqualTo("Browser Bot");
    assertThat(page.locator("#dimensions-table tbody tr").count()).isEqualTo(5);
    assertThat(page.locator("#history-table tbody tr").count()).isEqualTo(1);
    page.waitForFunction("() => window.Chart && window.Chart.getChart('chart-health')");
    assertThat(page.locator("#chart-health").isVisible()).isTrue();
    chromium.assertAccessible(page, "/agents/browser-bot");
    chromium.screenshot(page, "agent-detail");
  }

  @Test
  void theAlertsPageCreatesARuleShowsItsFiringAndDisablesIt() throws Exception {
    Page page = signedIn();
    assertThat(page.navigate(base() + "/alerts").status()).isEqualTo(200);
    chromium.assertAccessible(page, "/alerts empty");
    page.fill("#alert-name", "Browser bot is busy");
    page.selectOption("#alert-condition", "event_count_exceeds");
    page.fill("#alert-threshold", "0");
    page.fill("#alert-window", "43200");
    page.fill("#alert-agent", "browser-bot");
    page.click("#alert-form button[type=submit]");
    page.waitForURL("**/alerts");
    assertThat(page.locator("#rules-table").textContent())
        .contains("Browser bot is busy")
        .contains("event_count_exceeds")
        .contains("enabled");
    api.await(
        "/api/alerts/history",
        fx.tenant().key(),
        x -> x.status() == 200 && x.json().get("total").asInt() == 1,
        Duration.ofSeconds(20));
    page.navigate(base() + "/alerts");
    assertThat(page.locator("#history-table").textContent())
        .contains("Browser bot is busy")
        .contains("no channels");
    chromium.assertAccessible(page, "/alerts with a rule and a firing");
    chromium.screenshot(page, "alerts");
    page.locator("#rules-table button", new Page.LocatorOptions().setHasText("Disable")).click();
    page.waitForURL("**/alerts");
    assertThat(page.locator("#rules-table").textContent()).contains("disabled");
  }
}
