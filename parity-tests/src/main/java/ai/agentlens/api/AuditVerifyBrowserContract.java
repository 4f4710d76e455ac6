package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static ai.agentlens.api.SdkRequests.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audit verification page in headless Chromium, on both launchers: an Admin verifies a session
 * and a range of days through the forms and sees the signed result and the download link; the page
 * is axe-clean and CSP-clean; a Viewer is told only Owners and Admins verify.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class AuditVerifyBrowserContract {

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
  private Tenant org;
  private String session;

  @BeforeAll
  void startAll() throws Exception {
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    stack = start(Map.of());
    org = new Tenants(stack).create(Plan.TEAM, null);
    session = SdkRequests.session();
    Api api = new Api(stack.url());
    Api.Reply r =
        api.post("/api/events", org.key(), batch(toolCall(session, null), toolCall(session, null)));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.await(
        "/api/sessions/" + session,
        org.key(),
        x -> x.status() == 200 && x.json().get("eventCount").asInt() == 2,
        Duration.ofSeconds(10));
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

  private Page signedIn(Role role) {
    var now = stack.bean(Clock.class).now();
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    stack
        .bean(UserStore.class)
        .create(new User(id, id + "@example.com", "U", null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(org.orgId(), id, role, now));
    String cookie = stack.bean(LoginSessions.class).start(id).cookieValue();
    Page page = chromium.newPage();
    page.context().addCookies(List.of(new Cookie("al_session", cookie).setUrl(base())));
    return page;
  }

  @Test
  void anAdminVerifiesASessionAndARangeThroughTheForms() {
    Page page = signedIn(Role.ADMIN);
    Response r = page.navigate(base() + "/org/audit");
    assertThat(r.status()).isEqualTo(200);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verify hash chains"))
        .click();
    assertThat(page.locator("h1").textContent()).isEqualTo("Verify hash chains");
    page.getByLabel("Session id").fill(session);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify session")).click();
    assertThat(page.locator("#v-status").textContent()).isEqualTo("intact");
    assertThat(page.locator("#v-events").textContent()).isEqualTo("2");
    assertThat(page.locator("#v-signature").textContent()).startsWith("hmac-sha256:");
    assertThat(page.locator("#v-export").getAttribute("href"))
        .isEqualTo("/api/audit/verify/export?sessionId=" + session);
    chromium.assertAccessible(page, "/org/audit/verify session");
    chromium.screenshot(page, "audit-verify");

    page.getByLabel("First day (UTC)").fill("2026-11-22");
    page.getByLabel("Last day (UTC)").fill("2026-11-22");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify range")).click();
    assertThat(page.locator("#v-sessions").textContent()).isEqualTo("1");
    assertThat(page.locator("#v-status").textContent()).isEqualTo("intact");

    page.navigate(base() + "/org/audit/verify?sessionId=nope");
    assertThat(page.locator("#v-problem").textContent()).contains("No session nope");
    chromium.assertAccessible(page, "/org/audit/verify problem");
    assertThat(chromium.cspViolations()).as("CSP violations reported by the browser").isEmpty();
  }

  @Test
  void aViewerIsToldOnlyOwnersAndAdminsVerify() {
    Page page = signedIn(Role.VIEWER);
    page.navigate(base() + "/org/audit/verify?sessionId=" + session);
    assertThat(page.locator(".empty h2").textContent())
        .isEqualTo("Only Owners and Admins verify the audit trail");
    assertThat(page.content()).doesNotContain("hmac-sha256:");
    chromium.assertAccessible(page, "/org/audit/verify viewer");
  }
}
