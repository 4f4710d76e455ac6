package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard in a real browser (headless Debian Chromium through Playwright), against a real
 * launcher: the NFR-25 journey from sign-up to the first session, timeline and analytics; org
 * switching (AC-05, AC-07); a Viewer without key management; axe-core on every page; the strict CSP
 * never violated; screenshots of each main page.
 *
 * <p>Each launcher module runs it through a tiny subclass in its own {@code src/test} that starts
 * itself ({@link TestStack}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class DashboardBrowserContract {

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  /**
   * Names the launcher, for the screenshot folder.
   *
   * @return e.g. {@code selfhosted}; screenshots go to {@code target/screenshots/<name>/}
   */
  protected abstract String launcher();

  private TestStack stack;
  private Mailbox mail;
  private Accounts accounts;
  private Chromium chromium;
  private Api api;

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
    api = new Api(stack.url());
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

  /** The browser uses "localhost", where Chromium accepts the Secure session cookies over http. */
  private String base() {
    return "http://localhost:" + stack.port();
  }

  @Test
  void journeyFromSignUpToTheFirstSessionTimelineAndAnalytics() {
    Page page = chromium.newPage();
    String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

    // FR-45: a visitor is sent to sign-in and comes back after
    Response first = page.navigate(base() + "/sessions");
    assertThat(page.url()).contains("/sign-in?next=%2Fsessions");
    String csp = first.headers().get("content-security-policy");
    assertThat(csp)
        .contains("script-src 'self'")
        .contains("style-src 'self'")
        .contains("object-src 'none'")
        .contains("frame-ancestors 'none'")
        .contains("base-uri 'self'")
        .contains("form-action 'self'");
    assertThat(first.headers()).containsEntry("x-content-type-options", "nosniff");
    assertThat(first.headers()).containsEntry("x-frame-options", "DENY");
    assertThat(first.headers()).containsKey("referrer-policy");
    // no OAuth provider is configured on this stack, so none is offered (OAuthContract checks that
    // configured ones are)
    assertThat(page.getByText("Continue with Google").count()).isZero();
    assertThat(page.getByText("Continue with GitHub").count()).isZero();
    chromium.assertAccessible(page, "sign-in");
    chromium.screenshot(page, "01-sign-in");

    // sign up, with a visible error first (weak password)
    page.getByText("Create an account").click();
    page.getByLabel("Your name").fill("Journey User");
    page.getByLabel("E-mail address").fill(email);
    page.getByLabel("Password").fill("alllowercase1");
    page.locator("form[action='/sign-up'] button[type=submit]").click();
    assertThat(page.locator("#form-error").textContent()).contains("password");
    chromium.assertAccessible(page, "sign-up with an error");
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    chromium.screenshot(page, "02-sign-up");
    page.locator("form[action='/sign-up'] button[type=submit]").click();
    assertThat(page.locator("h1").textContent()).contains("Check your e-mail");

    // the verification mail (GreenMail) → landing page → verified
    String token = Mailbox.token(mail.await(email, "Verify"), "Verification token");
    page.navigate(base() + "/verify-email?token=" + token);
    chromium.assertAccessible(page, "verify");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify my address"))
        .click();
    assertThat(page.getByText("Your e-mail address is verified").count()).isEqualTo(1);

    // sign in → no org yet → create one → onboarding
    page.getByLabel("E-mail address").fill(email);
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.locator("form[action='/sign-in'] button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/orgs/new$"));
    chromium.assertAccessible(page, "create org");
    page.getByLabel("Organization name").fill("Journey Labs");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create organization"))
        .click();
    page.waitForURL(Pattern.compile(".*/onboarding$"));
    assertThat(page.locator("#org-select option[selected]").textContent()).contains("Journey Labs");
    assertThat(page.locator("#env-vars").textContent())
        .contains("AGENTLENS_SERVER_URL=")
        .contains("AGENTLENS_API_KEY=");
    assertThat(page.locator("#curl").textContent()).contains("/api/events");
    chromium.assertAccessible(page, "onboarding");

    // create a key: shown once, with a copy button
    page.navigate(base() + "/org/keys");
    page.getByLabel("Key name").fill("journey agent");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
    String key = page.locator("#secret").textContent().trim();
    assertThat(key).startsWith("al_live_").hasSize(40);
    assertThat(page.locator("#new-key button.copy").count()).isEqualTo(1);
    chromium.assertAccessible(page, "API keys");
    chromium.screenshot(page, "05-api-keys");
    // post/redirect/get: the key page was reached by a GET, so a reload neither re-posts the form
    // nor shows the key again
    assertThat(page.url()).endsWith("/org/keys");
    page.reload();
    assertThat(page.locator("#secret").count()).as("a reload shows the key no more").isZero();
    assertThat(
            page.locator(
                    "#keys-table tbody tr", new Page.LocatorOptions().setHasText("journey agent"))
                .count())
        .as("a reload creates no second key")
        .isEqualTo(1);
    page.navigate(base() + "/org/keys");
    assertThat(page.locator("#secret").count()).as("the key is shown once").isZero();
    assertThat(page.locator("#keys-table").textContent()).contains("journey agent");

    // onboarding waits, then updates by itself when the first event arrives (htmx polling)
    page.navigate(base() + "/onboarding");
    assertThat(page.getByText("Waiting for your first event").count()).isEqualTo(1);
    chromium.screenshot(page, "04-onboarding");
    String session = "journey-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply sent = api.post("/api/events", key, DashboardEvents.session(session, "gpt-4o"));
    assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
    page.getByText("Your first event arrived").waitFor();

    // the session in the list, with filters
    page.navigate(base() + "/sessions");
    assertThat(page.locator("#sessions-table").textContent())
        .contains(session)
        .contains("Research bot");
    chromium.assertAccessible(page, "sessions");
    chromium.screenshot(page, "06-sessions");
    page.getByLabel("Tag").fill("no-such-tag");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
    assertThat(page.getByText("No sessions match these filters").count()).isEqualTo(1);
    page.navigate(base() + "/sessions?tag=demo&status=error");
    assertThat(page.locator("#sessions-table").textContent()).contains(session);

    // its timeline: LLM pair, tool call with result, the error, the chain badge
    page.locator("a", new Page.LocatorOptions().setHasText(session)).first().click();
    page.waitForURL(Pattern.compile(".*/sessions/" + session + "$"));
    String timeline = page.locator("#timeline").textContent();
    assertThat(timeline)
        .contains("gpt-4o")
        .contains("1,200")
        .contains("$0.0420")
        .contains("850 ms")
        .contains("web_search")
        .contains("AgentLens docs")
        .contains("rate limited");
    assertThat(page.locator("#chain-badge").textContent()).contains("Hash chain verified");
    assertThat(page.locator(".tl-error").count()).isGreaterThanOrEqualTo(1);
    page.locator("details.messages summary").first().click();
    assertThat(page.locator("details.messages").first().textContent())
        .contains("What is AgentLens?");
    chromium.assertAccessible(page, "session detail");
    chromium.screenshot(page, "07-session-timeline");

    // LLM analytics with charts drawn by Chart.js from the WebJar
    page.navigate(base() + "/analytics?range=24h");
    assertThat(page.locator("#llm-summary").textContent())
        .contains("LLM calls")
        .contains("$0.0420");
    assertThat(page.locator("#models-table").textContent()).contains("gpt-4o").contains("openai");
    page.waitForFunction(
        "() => window.Chart && Chart.getChart(document.getElementById('chart-time'))");
    chromium.assertAccessible(page, "analytics");
    chromium.screenshot(page, "08-analytics");

    // the org pages
    for (String[] p :
        new String[][] {
          {"/org/members", "09-members"},
          {"/org/settings", "10-settings"},
          {"/org/audit", "11-audit"},
          {"/usage", "12-usage"}
        }) {
      Response r = page.navigate(base() + p[0]);
      assertThat(r.status()).as(p[0]).isEqualTo(200);
      chromium.assertAccessible(page, p[0]);
      chromium.screenshot(page, p[1]);
    }
    assertThat(page.locator("#usage-used").textContent()).isNotBlank();
    page.navigate(base() + "/org/audit?action=key.");
    assertThat(page.locator("#audit-table").textContent()).contains("key.create");

    // settings round trip
    page.navigate(base() + "/org/settings");
    page.getByLabel("Retention (days)").fill("7");
    page.getByLabel("Mask prompts and completions").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
    assertThat(page.getByText("Settings saved.").count()).isEqualTo(1);
    assertThat(page.getByLabel("Retention (days)").inputValue()).isEqualTo("7");

    // the public pages, for the record
    Page visitor = chromium.newPage();
    visitor.navigate(base() + "/sign-up");
    chromium.assertAccessible(visitor, "sign-up");
    visitor.navigate(base() + "/forgot-password");
    chromium.assertAccessible(visitor, "forgot password");
    visitor.navigate(base() + "/reset-password?token=x");
    chromium.assertAccessible(visitor, "reset password");
    visitor.navigate(base() + "/orgs/new");
    assertThat(visitor.url()).contains("/sign-in");

    assertThat(chromium.cspViolations()).as("CSP violations reported by the browser").isEmpty();
  }

  @Test
  void aUserInTwoOrgsSeesOnlyTheCurrentOrgsDataAfterSwitching() throws InterruptedException {
    Accounts.Person user = accounts.signedIn("two-orgs");
    String orgA = accounts.createOrg(user, "Alpha Org");
    String orgB = accounts.createOrg(user, "Beta Org");
    String keyA = accounts.key(orgA, user).get("key").asText();
    String keyB = accounts.key(orgB, user).get("key").asText();
    String sessionA = "alpha-" + UUID.randomUUID().toString().substring(0, 8);
    String sessionB = "beta-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.post("/api/events", keyA, DashboardEvents.session(sessionA, "gpt-4o")).status())
        .isEqualTo(202);
    assertThat(
            api.post("/api/events", keyB, DashboardEvents.session(sessionB, "claude-3")).status())
        .isEqualTo(202);
    api.await("/api/sessions/" + sessionB, keyB, r -> r.status() == 200, Duration.ofSeconds(10));
    api.await("/api/sessions/" + sessionA, keyA, r -> r.status() == 200, Duration.ofSeconds(10));

    Page page = chromium.newPage();
    signIn(page, user.email());
    switchTo(page, "Alpha Org", "/sessions");
    String list = page.locator("#sessions-table").textContent();
    assertThat(list).contains(sessionA).doesNotContain(sessionB);
    page.navigate(base() + "/analytics?range=24h");
    assertThat(page.locator("#models-table").textContent())
        .contains("gpt-4o")
        .doesNotContain("claude-3");

    switchTo(page, "Beta Org", "/analytics");
    assertThat(page.url()).endsWith("/analytics");
    assertThat(page.locator("#models-table").textContent())
        .contains("claude-3")
        .doesNotContain("gpt-4o");
    page.navigate(base() + "/sessions");
    list = page.locator("#sessions-table").textContent();
    assertThat(list).contains(sessionB).doesNotContain(sessionA);
    chromium.assertAccessible(page, "sessions after switching");

    // another org's session by URL: not found, never its data
    Response other = page.navigate(base() + "/sessions/" + sessionA);
    assertThat(other.status()).isEqualTo(404);
    assertThat(page.content()).doesNotContain("gpt-4o");
    chromium.assertAccessible(page, "not found");

    // a forged switch without the CSRF token is refused
    com.microsoft.playwright.APIResponse forged =
        page.request()
            .post(
                base() + "/switch-org",
                com.microsoft.playwright.options.RequestOptions.create()
                    .setForm(
                        com.microsoft.playwright.options.FormData.create().set("orgId", orgA)));
    assertThat(forged.status()).isEqualTo(403);
    page.navigate(base() + "/sessions");
    assertThat(page.locator("#org-select option[selected]").textContent()).contains("Beta Org");
  }

  @Test
  void aViewerSeesNoKeyManagement() {
    Accounts.OrgOf org = accounts.org("Viewer Org");
    Accounts.Person viewer = accounts.signedIn("viewer");
    accounts.join(org.id(), org.owner(), viewer, "viewer");

    Page page = chromium.newPage();
    signIn(page, viewer.email());
    page.navigate(base() + "/sessions");
    assertThat(page.locator("nav.sidebar").textContent())
        .doesNotContain("API keys")
        .doesNotContain("Audit log");
    assertThat(page.locator("nav.sidebar .badge").textContent()).isEqualTo("viewer");
    page.navigate(base() + "/org/keys");
    assertThat(page.getByText("Only Owners and Admins manage API keys").count()).isEqualTo(1);
    assertThat(page.locator("form[action='/org/keys']").count()).isZero();
    chromium.assertAccessible(page, "keys as viewer");
    chromium.screenshot(page, "13-keys-as-viewer");
    page.navigate(base() + "/org/members");
    assertThat(page.locator("form[action='/org/members/invite']").count()).isZero();
    page.navigate(base() + "/org/settings");
    assertThat(page.locator("fieldset[disabled]").count()).isEqualTo(1);

    // the server refuses too: a viewer's key creation with a valid CSRF token is 403
    String csrf = page.locator("input[name=_csrf]").first().inputValue();
    com.microsoft.playwright.APIResponse created =
        page.request()
            .post(
                base() + "/org/keys",
                com.microsoft.playwright.options.RequestOptions.create()
                    .setForm(
                        com.microsoft.playwright.options.FormData.create()
                            .set("_csrf", csrf)
                            .set("name", "sneaky")));
    assertThat(created.text()).doesNotContain("al_live_").contains("Only Owners and Admins");
  }

  private void signIn(Page page, String email) {
    page.navigate(base() + "/sign-in");
    page.getByLabel("E-mail address").fill(email);
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.locator("form[action='/sign-in'] button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/(sessions|onboarding)$"));
  }

  private void switchTo(Page page, String orgName, String section) {
    page.navigate(base() + section);
    String value =
        page.locator("#org-select option", new Page.LocatorOptions().setHasText(orgName))
            .getAttribute("value");
    page.locator("#org-select").selectOption(value);
    page.evaluate("() => { window.beforeSwitch = true; }");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch")).click();
    page.waitForFunction("() => !window.beforeSwitch && document.readyState === 'complete'");
    assertThat(page.url()).endsWith(section);
    assertThat(page.locator("#org-select option[selected]").textContent()).contains(orgName);
    assertThat(page.locator("main .alert").count())
        .as(
            page.context().cookies().stream().map(c -> c.name + "=" + c.value).toList()
                + page.content())
        .isEqualTo(1);
    assertThat(page.locator("main .alert").textContent()).contains("Switched to " + orgName);
  }
}
