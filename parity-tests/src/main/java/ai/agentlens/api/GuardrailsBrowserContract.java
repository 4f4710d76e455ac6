package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The guardrails page and the agents page's controls in headless Chromium, on both launchers: an
 * Admin creates a metric rule through the form (a refused form is shown again with the message
 * beside its field), the rule triggers and its trigger shows in the history, the dry-run and enable
 * toggles, edit and delete work; the agents page shows a paused agent with its model override and
 * unpauses it through htmx; a Viewer reads both pages without any form or button; every page
 * axe-clean and without CSP violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class GuardrailsBrowserContract {

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
  private Api api;
  private Tenant tenant;
  private String adminCookie;
  private String viewerCookie;

  @BeforeAll
  void startAll() throws Exception {
    // why: without a browser every test is reported skipped by @RequiresChromium; start nothing
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    stack = start(Map.of());
    api = new Api(stack.url());
    tenant = new Tenants(stack).create(Plan.TEAM, null);
    adminCookie = member(tenant.orgId(), Role.ADMIN);
    viewerCookie = member(tenant.orgId(), Role.VIEWER);
    for (String agent : List.of("page-bot", "held-bot", "view-bot")) {
      Api.Reply r =
          api.post(
              "/api/events",
              tenant.key(),
              "{\"events\":[{\"sessionId\":\"s-"
                  + agent
                  + "\",\"agentId\":\""
                  + agent
                  + "\",\"eventType\":\"custom\",\"payload\":{\"type\":\"t\",\"data\":{}}}]}");
      assertThat(r.status()).as(r.raw()).isEqualTo(202);
    }
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
  void anAdminCreatesTriggersTogglesEditsAndDeletesARule() throws Exception {
    Page page = signedIn(adminCookie);
    Response r = page.navigate(base() + "/guardrails");
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo("Guardrails");
    assertThat(page.locator("nav.sidebar a[aria-current=page]").textContent())
        .isEqualTo("Guardrails");
    // the chosen types' settings only are shown
    page.selectOption("#g-condition", "error_rate_threshold");
    page.selectOption("#g-action", "rate_limit");
    assertThat(page.locator("#f-cc-error_rate_threshold-threshold").isVisible()).isTrue();
    assertThat(page.locator("#f-cc-cost_limit-maxCostUsd").isVisible()).isFalse();
    assertThat(page.locator("#f-ac-rate_limit-requests_per_minute").isVisible()).isTrue();
    chromium.assertAccessible(page, "/guardrails empty");
    // a refused form comes back with the message beside the field
    page.fill("#g-name", "Errors of page-bot");
    page.fill("#f-cc-error_rate_threshold-threshold", "150");
    page.click("#guardrail-form button[type=submit]");
    assertThat(page.locator("#guardrail-form-errors").textContent())
        .contains("cc.error_rate_threshold.threshold must be a number from 0 to 100");
    assertThat(page.locator("#f-cc-error_rate_threshold-threshold-error").textContent())
        .contains("from 0 to 100");
    assertThat(page.inputValue("#g-name")).isEqualTo("Errors of page-bot");
    chromium.assertAccessible(page, "/guardrails with errors");
    page.fill("#f-cc-error_rate_threshold-threshold", "10");
    page.fill("#f-cc-error_rate_threshold-windowMinutes", "60");
    page.selectOption("#g-action", "pause_agent");
    page.fill("#f-ac-pause_agent-reason", "too many errors");
    page.fill("#g-agent", "page-bot");
    page.fill("#g-cooldown", "0");
    page.click("#guardrail-form button[type=submit]");
    page.waitForURL(base() + "/guardrails");
    String row = page.locator("#rules-table tbody tr").first().textContent();
    assertThat(row)
        .contains("Errors of page-bot")
        .contains("error_rate_threshold")
        .contains("pause_agent")
        .contains("page-bot")
        .contains("dry run")
        .contains("never");
    // an error event triggers it (dry run: recorded, not acted on)
    Api.Reply sent =
        api.post(
            "/api/events",
            tenant.key(),
            "{\"events\":[{\"sessionId\":\"s-page-bot\",\"agentId\":\"page-bot\","
                + "\"eventType\":\"custom\",\"severity\":\"error\",\"payload\":{\"type\":\"t\",\"data\":{}}}]}");
    assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
    api.await(
        "/api/guardrails/history",
        tenant.key(),
        x -> x.status() == 200 && x.json().get("total").asInt() >= 1,
        Duration.ofSeconds(20));
    page.navigate(base() + "/guardrails");
    assertThat(page.locator("#history-table").textContent())
        .contains("Errors of page-bot")
        .contains("dry_run")
        .contains("not executed");
    assertThat(page.locator("#rules-table tbody tr").first().textContent()).doesNotContain("never");
    chromium.assertAccessible(page, "/guardrails with a rule and a trigger");
    chromium.screenshot(page, "guardrails");
    page.locator("#rules-table button", new Page.LocatorOptions().setHasText("Turn dry run off"))
        .click();
    page.waitForURL(base() + "/guardrails");
    assertThat(page.locator("#rules-table tbody tr").first().textContent()).contains("acting");
    page.locator("#rules-table button", new Page.LocatorOptions().setHasText("Disable")).click();
    page.waitForURL(base() + "/guardrails");
    assertThat(page.locator("#rules-table tbody tr").first().textContent()).contains("disabled");
    page.locator("#rules-table a", new Page.LocatorOptions().setHasText("Edit")).click();
    page.waitForURL("**/edit");
    assertThat(page.inputValue("#f-cc-error_rate_threshold-threshold")).isEqualTo("10");
    assertThat(page.inputValue("#f-ac-pause_agent-reason")).isEqualTo("too many errors");
    chromium.assertAccessible(page, "/guardrails/{id}/edit");
    page.fill("#g-name", "Renamed rule");
    page.click("#guardrail-form button[type=submit]");
    page.waitForURL(base() + "/guardrails");
    assertThat(page.locator("#rules-table").textContent()).contains("Renamed rule");
    page.locator("#rules-table button", new Page.LocatorOptions().setHasText("Delete")).click();
    page.waitForURL(base() + "/guardrails");
    assertThat(page.locator("#rules-table").count()).isZero();
    assertThat(chromium.cspViolations()).isEmpty();
  }

  @Test
  void theAgentsPageShowsThePauseAndUnpausesThroughHtmx() {
    AgentControlStore controls = stack.bean(AgentControlStore.class);
    assertThat(controls.pause(tenant.orgId(), "held-bot", Instant.now(), "budget reached"))
        .isTrue();
    assertThat(controls.overrideModel(tenant.orgId(), "held-bot", "gpt-4o-mini")).isTrue();
    Page page = signedIn(adminCookie);
    assertThat(page.navigate(base() + "/agents").status()).isEqualTo(200);
    String cell = page.locator("#control-held-bot").textContent();
    assertThat(cell).contains("paused").contains("budget reached").contains("gpt-4o-mini");
    assertThat(page.locator("#control-page-bot").textContent()).doesNotContain("Unpause");
    chromium.assertAccessible(page, "/agents with a paused agent");
    chromium.screenshot(page, "agents-paused");
    page.locator("#control-held-bot button").click();
    page.waitForCondition(
        () -> page.locator("#control-held-bot").textContent().contains("running"));
    assertThat(page.locator("#control-held-bot").textContent()).contains("gpt-4o-mini");
    assertThat(page.url()).isEqualTo(base() + "/agents");
    assertThat(api.get("/api/agents/held-bot", tenant.key()).json().has("pausedAt")).isFalse();
    assertThat(chromium.cspViolations()).isEmpty();
  }

  @Test
  void aViewerReadsBothPagesWithoutFormsOrButtons() {
    stack.bean(AgentControlStore.class).pause(tenant.orgId(), "view-bot", Instant.now(), "x");
    Page page = signedIn(viewerCookie);
    assertThat(page.navigate(base() + "/guardrails").status()).isEqualTo(200);
    assertThat(page.locator("#guardrail-form").count()).isZero();
    chromium.assertAccessible(page, "/guardrails as a viewer");
    assertThat(page.navigate(base() + "/agents").status()).isEqualTo(200);
    assertThat(page.locator("#control-view-bot").textContent()).contains("paused");
    assertThat(page.locator("#control-view-bot button").count()).isZero();
    String csrf = page.locator("input[name=_csrf]").first().inputValue();
    APIResponse denied =
        page.request()
            .post(
                base() + "/agents/view-bot/unpause",
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(api.get("/api/agents/view-bot", tenant.key()).json().has("pausedAt")).isTrue();
  }
}
