package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The analytics page's roll-up sections in headless Chromium (issue 16): the daily trend chart
 * drawn by Chart.js, its 7 / 30 / 90 day picker swapping the figure through htmx (and working as
 * plain links), the day-of-week × hour heatmap table with its legend, the agents-this-month table;
 * axe-core clean and no CSP violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class AnalyticsBrowserContract {

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
  private Mailbox mail;
  private Accounts accounts;
  private Chromium chromium;

  @BeforeAll
  void startAll() {
    // why: without a browser every test is reported skipped by @RequiresChromium; start nothing
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    mail = new Mailbox();
    stack = start(AccountStack.testProperties(mail.port()));
    accounts = new Accounts(stack, mail);
  }

  @AfterAll
  void stopAll() {
    if (stack != null) {
      stack.close();
    }
    if (mail != null) {
      mail.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  private String base() {
    return "http://localhost:" + stack.port();
  }

  @Test
  void trendPickerHeatmapAndAgentsTable() throws InterruptedException {
    Accounts.OrgOf org = accounts.org("Charts Org");
    String key = accounts.key(org.id(), org.owner()).get("key").asText();
    Api api = new Api(stack.url());
    Instant recent = TestClock.current().minus(Duration.ofHours(1));
    Instant older = TestClock.current().minus(Duration.ofDays(20));
    for (String[] s :
        new String[][] {
          {"writer", "Writer bot", recent.toString(), "1200", "300"},
          {"writer", "Writer bot", older.toString(), "50", "50"},
          {"planner", "Planner", recent.toString(), "-1", "0"}
        }) {
      String body =
          AnalyticsEvents.session(
              s[0] + "-" + s[2].hashCode(),
              s[0],
              s[1],
              Instant.parse(s[2]),
              Long.parseLong(s[3]),
              Long.parseLong(s[4]),
              0.042);
      assertThat(api.post("/api/events", key, body).status()).isEqualTo(202);
    }
    // why: cloud stores through the Redis queue and a worker; 3 + 3 + 1 events in all
    api.await(
        "/api/analytics/agents/activity",
        key,
        r ->
            r.status() == 200
                && r.json().findValues("count").stream().mapToLong(n -> n.asLong()).sum() == 7,
        Duration.ofSeconds(15));

    Page page = chromium.newPage();
    page.navigate(base() + "/sign-in");
    page.getByLabel("E-mail address").fill(org.owner().email());
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.locator("form[action='/sign-in'] button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/(sessions|onboarding)$"));

    page.navigate(base() + "/analytics");
    awaitTrendChart(page, 30);
    assertThat(page.locator("#trend-totals").textContent()).contains("1,600").contains("$0.0840");
    assertThat(current(page)).isEqualTo("30 days");
    assertThat(page.locator("#trend-table tbody tr").count()).isEqualTo(30);

    // the heatmap: 7 labelled rows of 24 hours; the recent hour holds 3 + 1 events
    Locator rows = page.locator("#heatmap tbody tr");
    assertThat(rows.count()).isEqualTo(7);
    assertThat(page.locator("#heatmap thead th").count()).isEqualTo(25);
    ZonedDateTime z = recent.atZone(ZoneOffset.UTC);
    Locator cell = rows.nth(z.getDayOfWeek().getValue() % 7).locator("td").nth(z.getHour());
    assertThat(cell.textContent().trim()).isEqualTo("4");
    assertThat(cell.getAttribute("title")).endsWith("UTC: 4 events");
    assertThat(cell.getAttribute("class")).contains("hm-4");
    assertThat(rows.nth(z.getDayOfWeek().getValue() % 7).locator("th").textContent())
        .isEqualTo(
            z.getDayOfWeek()
                .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH));
    assertThat(page.locator("#heatmap-legend").textContent()).contains("Events per hour");

    // agents this month: tokens descending, the idle agent with zero
    String agents = page.locator("#agents-table").textContent();
    assertThat(agents).contains("Writer bot").contains("Planner");
    assertThat(agents.indexOf("Writer bot")).isLessThan(agents.indexOf("Planner"));
    chromium.assertAccessible(page, "analytics with trend, heatmap and agents");
    chromium.screenshot(page, "14-analytics-usage");

    // the picker swaps the figure in place (htmx) and keeps the address in step
    page.evaluate("() => { window.beforeSwap = true; }");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("7 days").setExact(true))
        .click();
    awaitTrendChart(page, 7);
    assertThat(page.evaluate("() => window.beforeSwap === true"))
        .as("no full reload")
        .isEqualTo(true);
    assertThat(page.url()).contains("trend=7");
    assertThat(current(page)).isEqualTo("7 days");
    assertThat(page.locator("#trend-table tbody tr").count()).isEqualTo(7);
    assertThat(page.locator("#trend-totals").textContent()).contains("1,500");
    chromium.assertAccessible(page, "analytics after picking 7 days");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("90 days").setExact(true))
        .click();
    awaitTrendChart(page, 90);
    assertThat(page.locator("#trend-table tbody tr").count()).isEqualTo(90);

    // and as a plain link, without htmx
    page.navigate(base() + "/analytics?range=24h&trend=7");
    awaitTrendChart(page, 7);
    assertThat(current(page)).isEqualTo("7 days");

    assertThat(chromium.cspViolations()).as("CSP violations reported by the browser").isEmpty();
  }

  @Test
  void aNewOrgSeesFinishedEmptyStates() {
    Accounts.OrgOf org = accounts.org("Empty Charts Org");
    Page page = chromium.newPage();
    page.navigate(base() + "/sign-in");
    page.getByLabel("E-mail address").fill(org.owner().email());
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.locator("form[action='/sign-in'] button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/(sessions|onboarding)$"));
    page.navigate(base() + "/analytics");
    awaitTrendChart(page, 30);
    assertThat(page.locator("#heatmap").count()).isZero();
    assertThat(page.locator("#usage-activity").textContent())
        .contains("No agent activity in the last 30 days");
    assertThat(page.locator("#usage-agents").textContent()).contains("No agents yet");
    chromium.assertAccessible(page, "analytics of a new org");
  }

  private static String current(Page page) {
    return page.locator("#usage-trend nav a[aria-current=page]").textContent().trim();
  }

  private static void awaitTrendChart(Page page, int days) {
    page.waitForFunction(
        "d => { const c = document.getElementById('chart-trend-' + d);"
            + " return window.Chart && c && Chart.getChart(c); }",
        days);
  }
}
