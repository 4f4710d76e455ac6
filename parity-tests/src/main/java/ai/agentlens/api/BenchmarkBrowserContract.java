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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The benchmarks page in headless Chromium, on both launchers: a Member creates a benchmark of
 * {@link BenchmarkApiContract}'s tagged sessions through the form (and sees the error of one
 * without metrics), reads the comparison table (cost: p = 0.0025, ★★★, control wins), starts and
 * completes it; axe-clean, no CSP violation; a Viewer sees the table but no form or button.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class BenchmarkBrowserContract {

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
  private String memberCookie;
  private String viewerCookie;
  private String existing;

  @BeforeAll
  void startAll() throws Exception {
    // why: without a browser every test is reported skipped by @RequiresChromium; start nothing
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    stack = start(Map.of());
    Api api = new Api(stack.url());
    Tenant t = new Tenants(stack).create(Plan.TEAM, null);
    BenchmarkApiContract.sessions(api, t.key(), "bm-a", BenchmarkApiContract.A, "a", 5);
    BenchmarkApiContract.sessions(api, t.key(), "bm-b", BenchmarkApiContract.B, "b", 11);
    Api.Reply r =
        new Browser(stack.url())
            .withBearer(t.key())
            .post("/api/benchmarks", BenchmarkApiContract.BODY);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    existing = r.json().get("id").asText();
    memberCookie = member(t.orgId(), Role.MEMBER);
    viewerCookie = member(t.orgId(), Role.VIEWER);
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
    return page;
  }

  private static Locator row(Page page, String metric) {
    return page.locator("#comparison-table tbody tr:has(td:text-is('" + metric + "'))");
  }

  @Test
  void createReadAndRunABenchmarkThroughTheForms() {
    Page page = signedIn(memberCookie);
    assertThat(page.navigate(base() + "/benchmarks").status()).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo("Benchmarks");
    assertThat(page.locator("nav.sidebar a[aria-current=page]").textContent())
        .isEqualTo("Benchmarks");
    assertThat(page.locator("#benchmarks-table tbody tr").count()).isEqualTo(1);
    chromium.assertAccessible(page, "/benchmarks");

    page.fill("#bm-name", "Form made");
    page.fill("#bm-a-name", "control");
    page.fill("#bm-a-tag", "bm-a");
    page.fill("#bm-b-name", "treatment");
    page.fill("#bm-b-tag", "bm-b");
    page.click("#benchmark-form button[type=submit]");
    page.waitForURL(base() + "/benchmarks");
    assertThat(page.locator(".alert").first().textContent()).contains("metrics");
    assertThat(page.locator("#benchmarks-table tbody tr").count()).isEqualTo(1);

    page.fill("#bm-name", "Form made");
    page.check("#bm-m-avg_cost");
    page.check("#bm-m-completion_rate");
    page.fill("#bm-a-name", "control");
    page.fill("#bm-a-tag", "bm-a");
    page.fill("#bm-b-name", "treatment");
    page.fill("#bm-b-tag", "bm-b");
    page.click("#benchmark-form button[type=submit]");
    page.waitForURL(Pattern.compile(".*/benchmarks\\?id=.*"));
    assertThat(page.locator(".alert").first().textContent()).contains("Benchmark created");
    assertThat(page.locator("#benchmark-status").textContent()).isEqualTo("draft");
    String cost = row(page, "avg_cost").textContent();
    assertThat(cost).contains("Welch t").contains("0.0025").contains("★★★").contains("control");
    assertThat(cost).contains("20.46 vs 24.85").contains("[-6.775, -2.005]");
    assertThat(row(page, "completion_rate").textContent()).contains("χ² (Yates)").contains("φ");
    assertThat(page.locator("#benchmark-summary").textContent()).contains("only 5 sessions");
    chromium.assertAccessible(page, "/benchmarks?id= (draft)");
    chromium.screenshot(page, "benchmark");

    page.click("#benchmark-running");
    page.waitForURL(Pattern.compile(".*/benchmarks\\?id=.*"));
    assertThat(page.locator("#benchmark-status").textContent()).isEqualTo("running");
    page.click("#benchmark-completed");
    page.waitForURL(Pattern.compile(".*/benchmarks\\?id=.*"));
    assertThat(page.locator("#benchmark-status").textContent()).isEqualTo("completed");
    assertThat(page.locator("#benchmark-summary").textContent()).contains("cached");
    assertThat(page.locator("#benchmark-cancelled").count()).isZero();
    assertThat(row(page, "avg_cost").textContent()).contains("★★★");
    assertThat(page.locator("#benchmarks-table tbody tr").count()).isEqualTo(2);
    assertThat(chromium.cspViolations()).isEmpty();
  }

  @Test
  void aViewerReadsTheTableButHasNoFormOrButton() {
    Page page = signedIn(viewerCookie);
    assertThat(page.navigate(base() + "/benchmarks?id=" + existing).status()).isEqualTo(200);
    assertThat(row(page, "avg_cost").textContent()).contains("★★★");
    assertThat(page.locator("#benchmark-form").count()).isZero();
    assertThat(page.locator("#benchmark-detail button").count()).isZero();
    assertThat(page.locator(".hint").last().textContent()).contains("Viewers read benchmarks");
    chromium.assertAccessible(page, "/benchmarks as a viewer");
    assertThat(page.navigate(base() + "/benchmarks?id=nope").status()).isEqualTo(404);
  }
}
