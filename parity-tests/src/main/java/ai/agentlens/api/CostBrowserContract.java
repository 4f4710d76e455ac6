package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cost page in headless Chromium, on both launchers: the recommendation of {@link
 * CostOptimizationApiContract}'s recent calls ($0.271929 a month, shown as $0.2719), a breached
 * budget with its spend bar, creating a budget through the form (and the error for a bad one),
 * deleting it; axe-clean; a Viewer sees no form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class CostBrowserContract {

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
  private String adminCookie;
  private String viewerCookie;

  @BeforeAll
  void startAll() throws Exception {
    // why: without a browser every test is reported skipped by @RequiresChromium; start nothing
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    stack = start(Map.of("agentlens.cost-budgets.check.enabled", "false"));
    Api api = new Api(stack.url());
    Tenant t = new Tenants(stack).create(Plan.TEAM, null);
    Instant recent = earlierToday();
    new CostEvents(api, t.key())
        .pairs(30, "opt-bot", "gpt-4o", 500, 100, 0.00225, recent)
        .pairs(30, "opt-bot", "gpt-4o-mini", 500, 100, 0.000135, recent)
        .send();
    api.await(
        "/api/optimize/recommendations",
        t.key(),
        r -> r.status() == 200 && r.json().get("analyzedCalls").asLong() == 60,
        Duration.ofSeconds(30));
    // 30 · 0.00225 + 30 · 0.000135 = $0.07155 today, against a $0.05 daily limit
    Api.Reply b =
        new Browser(stack.url())
            .withBearer(t.key())
            .post(
                "/api/cost-budgets",
                "{\"scope\":\"agent\",\"agentId\":\"opt-bot\",\"period\":\"daily\",\"limitUsd\":0.05}");
    assertThat(b.status()).as(b.raw()).isEqualTo(201);
    adminCookie = member(t.orgId(), Role.ADMIN);
    viewerCookie = member(t.orgId(), Role.VIEWER);
  }

  /**
   * An hour ago, but no earlier than 30 s into today (UTC): the daily budget counts today's spend,
   * and each model's 30 calls go back 29 s from this instant. Run between 00:00 and 01:00 UTC, "an
   * hour ago" put every call on yesterday and the budget showed $0.00.
   */
  private static Instant earlierToday() throws InterruptedException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant floor = now.truncatedTo(ChronoUnit.DAYS).plusSeconds(30);
    if (!now.isAfter(floor)) {
      Thread.sleep(Duration.between(now, floor).toMillis() + 1000);
    }
    Instant hourAgo = now.minus(Duration.ofHours(1));
    return hourAgo.isAfter(floor) ? hourAgo : floor;
  }

  private String member(String orgId, Role role) {
    Instant now = Instant.now();
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    stack
        .bean(UserStore.class)
        .create(new User(id, id + "@example.com", role.name(), null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(orgId, id, role, now));
    return stack.bean(LoginSessions.class).start(id).cookieValue();
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

  private Page signedIn(String cookie) {
    Page page = chromium.newPage();
    page.context().addCookies(List.of(new Cookie("al_session", cookie).setUrl(base())));
    page.onDialog(d -> d.accept());
    return page;
  }

  @Test
  void recommendationsAndBudgetsShowCreateAndDeleteWork() {
    Page page = signedIn(adminCookie);
    Response r = page.navigate(base() + "/cost");
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo("Cost");
    assertThat(page.locator("nav.sidebar a[aria-current=page]").textContent()).isEqualTo("Cost");
    assertThat(page.locator("#cost-total").textContent()).isEqualTo("$0.2719");
    assertThat(page.locator("#cost-calls").textContent()).isEqualTo("60");
    assertThat(page.locator("#recs-table tbody tr").count()).isEqualTo(1);
    assertThat(page.locator("#recs-table tbody tr").textContent())
        .contains("gpt-4o-mini")
        .contains("simple")
        .contains("opt-bot");
    assertThat(page.locator("#budgets-table tbody tr").count()).isEqualTo(1);
    assertThat(page.locator("#budgets-table tbody tr").textContent())
        .contains("agent opt-bot")
        .contains("breached")
        .contains("$0.0500");
    assertThat(page.locator("#budgets-table meter").getAttribute("max")).isEqualTo("0.05");
    chromium.assertAccessible(page, "/cost");
    chromium.screenshot(page, "cost");

    page.selectOption("#b-scope", "agent");
    page.fill("#b-agent", "bot-2");
    page.selectOption("#b-period", "weekly");
    page.fill("#b-limit", "5");
    page.selectOption("#b-action", "pause_agent");
    page.click("#budget-form button[type=submit]");
    page.waitForURL(base() + "/cost");
    assertThat(page.locator(".alert").first().textContent()).contains("Budget created");
    assertThat(page.locator("#budgets-table tbody tr").count()).isEqualTo(2);
    assertThat(page.locator("#budgets-table").textContent())
        .contains("agent bot-2")
        .contains("pause_agent");

    // agent scope without an agent: the error names the field
    page.fill("#b-limit", "5");
    page.click("#budget-form button[type=submit]");
    page.waitForURL(base() + "/cost");
    assertThat(page.locator(".alert").first().textContent()).contains("agentId");
    assertThat(page.locator("#budgets-table tbody tr").count()).isEqualTo(2);
    chromium.assertAccessible(page, "/cost after an error");

    page.click("button[aria-label='Delete budget agent bot-2 weekly']");
    page.waitForURL(base() + "/cost");
    assertThat(page.locator("#budgets-table tbody tr").count()).isEqualTo(1);
    assertThat(chromium.cspViolations()).isEmpty();
  }

  @Test
  void aViewerSeesTheNumbersButNoForm() {
    Page page = signedIn(viewerCookie);
    assertThat(page.navigate(base() + "/cost?period=30").status()).isEqualTo(200);
    assertThat(page.locator("#budgets-table tbody tr").count()).isGreaterThanOrEqualTo(1);
    assertThat(page.locator("#budget-form").count()).isZero();
    assertThat(page.locator("#budgets-table button").count()).isZero();
    assertThat(page.locator(".hint").textContent()).contains("Only Owners and Admins");
    chromium.assertAccessible(page, "/cost as a viewer");
  }
}
