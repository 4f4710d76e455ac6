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
 * The incidents pages in headless Chromium, on both launchers: an errors rule opens an incident
 * from a failed LLM call, the list links to it, the detail page shows the details and timeline and
 * its Resolve button (with the CSRF token) resolves it; a remediation applied from the incident
 * page is enforced (the agent read) and its Revert button undoes it; the agent settings page shows
 * what is in force; every page axe-clean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class IncidentsBrowserContract {

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
            Map.of("agentlens.test.clock", "mutable", "agentlens.incidents.rule-cache-ttl", "0s"));
    api = new Api(stack.url());
    fx = ComplianceFixture.load(new Tenants(stack), api, stack);
    Api.Reply rule =
        new Browser(stack.url())
            .withBearer(fx.tenant().key())
            .send(
                "POST",
                "/api/incidents/rules",
                "{\"type\":\"errors\",\"threshold\":1,\"windowMinutes\":5,"
                    + "\"severity\":\"high\",\"agentId\":\"page-bot\"}");
    assertThat(rule.status()).as(rule.raw()).isEqualTo(201);
    String events =
        "{\"events\":[{\"id\":\"evt-page-1\",\"sessionId\":\"pb-1\",\"agentId\":\"page-bot\","
            + "\"eventType\":\"llm_response\",\"timestamp\":\""
            + TestClock.current()
            + "\",\"payload\":{\"callId\":\"c1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
            + "\"completion\":null,\"finishReason\":\"error\",\"usage\":{\"inputTokens\":1,"
            + "\"outputTokens\":0,\"totalTokens\":1},\"costUsd\":0.001,\"latencyMs\":90}}]}";
    Api.Reply r = api.post("/api/events", fx.tenant().key(), events);
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.await(
        "/api/incidents?agentId=page-bot",
        fx.tenant().key(),
        x -> x.status() == 200 && x.json().get("incidents").size() == 1,
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

  @Test
  void theListLinksToTheDetailWhoseResolveButtonResolves() {
    Page page = chromium.newPage();
    page.context().addCookies(List.of(new Cookie("al_session", fx.sessionCookie()).setUrl(base())));
    Response r = page.navigate(base() + "/incidents");
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo("Incidents");
    assertThat(page.locator("nav.sidebar a[aria-current=page]").textContent())
        .isEqualTo("Incidents");
    assertThat(page.locator("#incidents-table").textContent())
        .contains("1 errors within 5 min (page-bot)")
        .contains("high")
        .contains("open");
    chromium.assertAccessible(page, "/incidents");
    chromium.screenshot(page, "incidents");
    page.locator("#incidents-table a").first().click();
    page.waitForURL("**/incidents/*");
    assertThat(page.locator("h1").textContent()).isEqualTo("1 errors within 5 min (page-bot)");
    assertThat(page.locator("#incident-status").textContent()).isEqualTo("open");
    assertThat(page.locator("#incident-details").textContent()).contains("\"errors\":1");
    assertThat(page.locator("#incident-related").textContent()).contains("evt-page-1");
    assertThat(page.locator("#timeline-table tbody tr").count()).isEqualTo(1);
    chromium.assertAccessible(page, "/incidents/{id}");
    chromium.screenshot(page, "incident-detail");
    page.click("#rca-form button[type=submit]");
    page.waitForURL("**/incidents/*");
    assertThat(page.locator("#rca-summary").textContent())
        .startsWith("1 errors within 5 min (page-bot): ");
    assertThat(page.locator("#rca-cause").textContent()).isNotBlank();
    assertThat(page.locator("#rca-fixes li").count()).isGreaterThanOrEqualTo(1);
    assertThat(page.locator("#rca-form button").textContent()).isEqualTo("Analyse again");
    chromium.assertAccessible(page, "/incidents/{id} analysed");
    chromium.screenshot(page, "incident-rca");
    page.click("#resolve-form button[type=submit]");
    page.waitForURL("**/incidents/*");
    assertThat(page.locator("#incident-status").textContent()).isEqualTo("resolved");
    assertThat(page.locator("#resolve-form").count()).isZero();
    chromium.assertAccessible(page, "/incidents/{id} resolved");
  }

  @Test
  void aRemediationIsAppliedAndRevertedFromTheIncidentPage() {
    Page page = chromium.newPage();
    page.context().addCookies(List.of(new Cookie("al_session", fx.sessionCookie()).setUrl(base())));
    String id =
        api.get("/api/incidents?agentId=page-bot", fx.tenant().key())
            .json()
            .get("incidents")
            .get(0)
            .get("id")
            .asText();
    Response r = page.navigate(base() + "/incidents/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator("#remediation-none").count()).isEqualTo(1);
    page.selectOption("#rem-kind", "switch_model");
    page.fill("#rem-model", "gpt-4o-mini");
    page.click("#remediation-form button[type=submit]");
    page.waitForURL("**/incidents/" + id);
    assertThat(page.locator("#remediation-table tbody tr").count()).isEqualTo(1);
    assertThat(page.locator("#remediation-table .remediation-status").textContent())
        .isEqualTo("applied");
    assertThat(page.locator("#remediation-table").textContent()).contains("switch_model");
    assertThat(
            api.get("/api/agents/page-bot", fx.tenant().key()).json().get("modelOverride").asText())
        .isEqualTo("gpt-4o-mini");
    chromium.assertAccessible(page, "/incidents/{id} remediated");
    chromium.screenshot(page, "incident-remediation");

    Page settings = chromium.newPage();
    settings
        .context()
        .addCookies(List.of(new Cookie("al_session", fx.sessionCookie()).setUrl(base())));
    assertThat(settings.navigate(base() + "/agents/page-bot/settings").status()).isEqualTo(200);
    assertThat(settings.locator("#eff-model").textContent()).isEqualTo("gpt-4o-mini");
    chromium.assertAccessible(settings, "/agents/{id}/settings");
    chromium.screenshot(settings, "agent-settings");

    page.click("#remediation-table .revert-form button[type=submit]");
    page.waitForURL("**/incidents/" + id);
    assertThat(page.locator("#remediation-table .remediation-status").textContent())
        .isEqualTo("reverted");
    assertThat(page.locator("#remediation-table .revert-form").count()).isZero();
    assertThat(api.get("/api/agents/page-bot", fx.tenant().key()).json().has("modelOverride"))
        .isFalse();
  }
}
