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
import com.microsoft.playwright.options.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The replay page in headless Chromium, on both launchers: opened from the session page, it steps
 * through {@link ReplayApiContract}'s fixture session with the keys (→, End, ←, Home) and the
 * buttons, showing the cumulative cost ($0 before the LLM response, $0.0300 after) and the tool
 * calls as they complete; axe-clean, no CSP violation; another org's member gets the 404 page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class ReplayBrowserContract {

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
  private String viewerCookie;
  private String strangerCookie;

  @BeforeAll
  void startAll() throws Exception {
    // why: without a browser every test is reported skipped by @RequiresChromium; start nothing
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    stack = start(Map.of());
    Api api = new Api(stack.url());
    Tenants tenants = new Tenants(stack);
    Tenant t = tenants.create(Plan.TEAM, null);
    ReplayApiContract.sendFixture(api, t.key());
    viewerCookie = member(t.orgId(), Role.VIEWER);
    strangerCookie = member(tenants.create(Plan.TEAM, null).orgId(), Role.OWNER);
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

  private String url(int step) {
    return base() + "/sessions/" + ReplayApiContract.SESSION + "/replay?step=" + step;
  }

  private String fact(Page page, String label) {
    return page.locator("#replay-facts .stat:has(dt:text-is('" + label + "')) dd").textContent();
  }

  @Test
  void stepsWithKeysAndButtonsShowingCostAndContext() {
    Page page = signedIn(viewerCookie);
    assertThat(page.navigate(base() + "/sessions/" + ReplayApiContract.SESSION).status())
        .isEqualTo(200);
    page.click("#replay-link");
    page.waitForURL(base() + "/sessions/" + ReplayApiContract.SESSION + "/replay");
    assertThat(page.locator("#replay-position").textContent()).isEqualTo("Step 1 of 8");
    assertThat(page.locator("#replay-prev").getAttribute("aria-disabled")).isEqualTo("true");
    assertThat(fact(page, "Cumulative cost")).isEqualTo("$0.00");
    chromium.assertAccessible(page, "/sessions/{id}/replay");
    chromium.screenshot(page, "replay-first");

    page.keyboard().press("ArrowRight");
    page.waitForURL(url(1));
    assertThat(page.locator("#replay-position").textContent()).isEqualTo("Step 2 of 8");
    assertThat(page.locator("#replay-paired").textContent()).isEqualTo("llm_response · 1.5 s");
    assertThat(page.locator("#replay-llm tbody tr").textContent()).contains("waiting");

    page.click("#replay-next");
    page.waitForURL(url(2));
    assertThat(fact(page, "Cumulative cost")).isEqualTo("$0.0300");
    assertThat(page.locator("#replay-llm tbody tr").textContent())
        .contains("answered")
        .contains("I will search");

    page.keyboard().press("End");
    page.waitForURL(url(7));
    assertThat(page.locator("#replay-position").textContent()).isEqualTo("Step 8 of 8");
    assertThat(page.locator("#replay-next").getAttribute("aria-disabled")).isEqualTo("true");
    assertThat(fact(page, "Cumulative cost")).isEqualTo("$0.0300");
    assertThat(fact(page, "Errors so far")).isEqualTo("1");
    assertThat(page.locator("#replay-tools tbody tr"))
        .satisfies(
            rows -> {
              assertThat(rows.count()).isEqualTo(2);
              assertThat(rows.nth(1).textContent())
                  .contains("write")
                  .contains("failed")
                  .contains("denied");
            });
    chromium.assertAccessible(page, "/sessions/{id}/replay at the last step");
    chromium.screenshot(page, "replay-last");

    page.keyboard().press("ArrowLeft");
    page.waitForURL(url(6));
    assertThat(page.locator("#replay-position").textContent()).isEqualTo("Step 7 of 8");
    page.keyboard().press("Home");
    page.waitForURL(url(0));
    assertThat(page.locator("#replay-position").textContent()).isEqualTo("Step 1 of 8");
    page.click("#replay-steps a:text-is('5. tool_response')");
    page.waitForURL(url(4));
    assertThat(page.locator("#replay-tools tbody tr").first().textContent())
        .contains("search")
        .contains("done");
    assertThat(chromium.cspViolations()).isEmpty();
  }

  @Test
  void anotherOrgsMemberGetsNotFound() {
    Page page = signedIn(strangerCookie);
    assertThat(page.navigate(url(0)).status()).isEqualTo(404);
    assertThat(page.content()).doesNotContain("replay-bot");
  }
}
