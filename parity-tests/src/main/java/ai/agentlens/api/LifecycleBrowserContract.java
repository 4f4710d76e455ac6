package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The data-lifecycle pages in headless Chromium (issue 15), on both launchers: the data page's
 * purge status with the plan's cap, the export link and an import upload with its per-line report;
 * the account page's profile form (post-redirect-get) and personal-data export; ownership transfer,
 * org deletion (its state then on the account page) and account deletion, each behind a typed
 * confirmation that refuses a wrong answer. Every page axe-clean, no CSP violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class LifecycleBrowserContract {

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
    Map<String, Object> p = new HashMap<>(AccountStack.testProperties(mail.port()));
    p.put("agentlens.deletions.interval", "1s");
    p.put("agentlens.deletions.initial-delay", "1s");
    stack = start(p);
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

  private Page signIn(Accounts.Person who) {
    Page page = chromium.newPage();
    page.navigate(base() + "/sign-in");
    page.getByLabel("E-mail address").fill(who.email());
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.locator("form[action='/sign-in'] button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/(sessions|onboarding|orgs/new)$"));
    return page;
  }

  private static Response posted(Page page, String path) {
    return page.waitForResponse(
        r -> r.url().endsWith(path) && "POST".equals(r.request().method()),
        () -> page.locator("#confirm-button").click());
  }

  @Test
  void theDataPageShowsThePurgeAndImportsAFileWithAPerLineReport() throws Exception {
    Accounts.OrgOf org = accounts.org("Data Page Org");
    String key = accounts.key(org.id(), org.owner()).get("key").asText();
    Api api = new Api(stack.url());
    String events =
        "{\"events\":[{\"sessionId\":\"dp-s\",\"agentId\":\"a\",\"eventType\":\"custom\","
            + "\"payload\":{\"type\":\"t\",\"data\":{}}},{\"sessionId\":\"dp-s\",\"agentId\":\"a\","
            + "\"eventType\":\"custom\",\"payload\":{\"type\":\"u\",\"data\":{}}}]}";
    assertThat(api.post("/api/events", key, events).status()).isEqualTo(202);
    api.await("/api/sessions/dp-s", key, r -> r.status() == 200, Duration.ofSeconds(15));
    String exported = api.get("/v1/export?format=jsonl", key).raw();
    List<String> lines = new ArrayList<>(Arrays.asList(exported.split("\n")));
    lines.add(1, "this is not JSON");
    byte[] file = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

    Page page = signIn(org.owner());
    Response r = page.navigate(base() + "/org/data");
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator("nav.sidebar a[aria-current=page]").textContent()).isEqualTo("Data");
    assertThat(page.locator("#p-cap").textContent()).isEqualTo("90 days");
    assertThat(page.locator("#p-cutoff").textContent()).isNotBlank();
    assertThat(page.locator("#export-link").getAttribute("href"))
        .isEqualTo("/v1/export?format=jsonl");
    chromium.assertAccessible(page, "/org/data");

    page.setInputFiles(
        "#import-file", new FilePayload("export.jsonl", "application/x-ndjson", file));
    page.locator("#import-button").click();
    page.waitForSelector("#import-result");
    assertThat(page.locator("#import-counts").textContent())
        .contains(lines.size() + " lines")
        .contains("0 imported")
        .contains("2 already there")
        .contains("Checksum not verified");
    // the bad line (2) is reported with its error; the checksum line no longer matches either
    assertThat(page.locator("#import-errors tbody tr").count()).isGreaterThanOrEqualTo(1);
    assertThat(page.locator("#import-errors tbody td").first().textContent()).isEqualTo("2");
    chromium.assertAccessible(page, "/org/data import report");
    chromium.screenshot(page, "data-import-report");
    assertThat(chromium.cspViolations()).as("CSP violations reported by the browser").isEmpty();
  }

  @Test
  void theProfileFormRedirectsAndThePersonalExportIsOffered() {
    Accounts.OrgOf org = accounts.org("Profile Org");
    Page page = signIn(org.owner());
    page.navigate(base() + "/account");
    assertThat(page.locator("h1").textContent()).isEqualTo("Your account");
    assertThat(page.locator("#personal-export").getAttribute("href")).isEqualTo("/api/me/export");
    chromium.assertAccessible(page, "/account");
    page.getByLabel("Display name").fill("Renamed Person");
    page.locator("form[action='/account/profile'] button[type=submit]").click();
    page.waitForURL(Pattern.compile(".*/account$"));
    assertThat(page.locator("[role=status]").first().textContent()).contains("Profile saved.");
    assertThat(page.getByLabel("Display name").inputValue()).isEqualTo("Renamed Person");
    // post-redirect-get: reloading shows the page again without re-posting
    Response again = page.reload();
    assertThat(again.request().method()).isEqualTo("GET");
    assertThat(page.locator("#account-email").textContent()).isEqualTo(org.owner().email());
  }

  @Test
  void ownershipTransferAndOrgDeletionNeedTheSlugAndTheDeletionStateIsShown() {
    Accounts.OrgOf org = accounts.org("Handover Org");
    Accounts.Person admin = accounts.signedIn("handoveradmin");
    accounts.join(org.id(), org.owner(), admin, "admin");
    String slug = org.owner().browser().get("/api/orgs/" + org.id()).json().get("slug").asText();

    Page page = signIn(org.owner());
    page.navigate(base() + "/org/transfer");
    assertThat(page.locator("h1").textContent()).contains("Transfer ownership");
    chromium.assertAccessible(page, "/org/transfer");
    page.locator("input[name=choice]").first().check();
    page.getByLabel("To confirm, type the organization's slug").fill("wrong-slug");
    Response wrong = posted(page, "/org/transfer");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(page.locator("#form-error").textContent()).contains("slug");
    page.locator("input[name=choice]").first().check();
    page.getByLabel("To confirm, type the organization's slug").fill(slug);
    page.locator("#confirm-button").click();
    page.waitForURL(Pattern.compile(".*/org/members$"));
    assertThat(org.owner().browser().get("/api/orgs/" + org.id()).json().get("role").asText())
        .isEqualTo("admin");

    // the new Owner deletes the org
    Page owner = signIn(admin);
    owner.navigate(base() + "/org/data");
    owner.locator("#delete-org-link").click();
    owner.waitForURL(Pattern.compile(".*/org/delete$"));
    chromium.assertAccessible(owner, "/org/delete");
    chromium.screenshot(owner, "org-delete-confirm");
    owner.getByLabel("To confirm, type the organization's slug").fill(slug);
    owner.locator("#confirm-button").click();
    owner.waitForURL(Pattern.compile(".*/account$"));
    assertThat(owner.locator("#deletions").textContent()).contains("org");
    assertThat(owner.locator(".deletion-state").first().textContent())
        .isIn("requested", "in_progress", "done");
    chromium.assertAccessible(owner, "/account with a deletion");
    assertThat(org.owner().browser().get("/api/orgs/" + org.id()).status()).isEqualTo(404);
  }

  @Test
  void accountDeletionNeedsTheAddressTypedAndSignsOut() {
    Accounts.OrgOf org = accounts.org("Leaver Org");
    Accounts.Person leaver = accounts.signedIn("browserleaver");
    accounts.join(org.id(), org.owner(), leaver, "member");
    Page page = signIn(leaver);
    page.navigate(base() + "/account");
    page.locator("#delete-account").click();
    page.waitForURL(Pattern.compile(".*/account/delete$"));
    chromium.assertAccessible(page, "/account/delete");
    page.getByLabel("To confirm, type your e-mail address").fill("someone@else.example");
    Response wrong = posted(page, "/account/delete");
    assertThat(wrong.status()).isEqualTo(400);
    page.getByLabel("To confirm, type your e-mail address").fill(leaver.email());
    page.locator("#confirm-button").click();
    page.waitForURL(Pattern.compile(".*/sign-in.*"));
    assertThat(leaver.browser().get("/api/me").status()).isEqualTo(401);
    // the Owner's own account page refuses deletion while they own an org
    Page owner = signIn(org.owner());
    owner.navigate(base() + "/account");
    assertThat(owner.locator("#delete-account").count()).isZero();
  }
}
