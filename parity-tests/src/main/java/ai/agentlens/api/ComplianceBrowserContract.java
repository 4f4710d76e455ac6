package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.plan.Feature;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.Media;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The compliance report page and the feature-off page in headless Chromium, on both launchers: the
 * report shows {@link ComplianceFixture}'s facts, is axe-clean, prints without the app's frame; a
 * switched-off section shows a finished 403 page, also axe-clean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresChromium
public abstract class ComplianceBrowserContract {

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

  @BeforeAll
  void startAll() throws Exception {
    // why: without a browser every test is reported skipped by @RequiresChromium; start nothing
    if (!Chromium.installed()) {
      return;
    }
    chromium = new Chromium(launcher());
    stack = start(Map.of("agentlens.test.clock", "mutable"));
    fx = ComplianceFixture.load(new Tenants(stack), new Api(stack.url()), stack);
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
  void theReportPageShowsTheFactsIsAccessibleAndPrintsWithoutTheFrame() {
    Page page = signedIn();
    Response r = page.navigate(base() + "/compliance?days=90");
    assertThat(r.status()).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).isEqualTo("Compliance report");
    assertThat(page.locator("#c-retention").textContent()).isEqualTo("60 days");
    assertThat(page.locator("#c-masking").textContent()).isEqualTo("on");
    assertThat(page.locator("#c-chain-checked").textContent()).isEqualTo("2");
    assertThat(page.locator("#c-chain-broken").textContent()).isEqualTo("0");
    assertThat(page.locator("#c-audit-entries").textContent()).isEqualTo("3");
    assertThat(page.locator("#c-keys-table tbody tr"))
        .satisfies(l -> assertThat(l.count()).isEqualTo(3));
    assertThat(page.locator("#c-keys-table").textContent())
        .contains("unused 30+ days")
        .contains("revoked");
    assertThat(page.locator("#c-agents-table").textContent())
        .contains("Support Bot")
        .contains("not available");
    assertThat(page.locator("nav.sidebar a[aria-current=page]").textContent())
        .isEqualTo("Compliance");
    chromium.assertAccessible(page, "/compliance");
    chromium.screenshot(page, "compliance-report");
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    assertThat(page.locator("nav.sidebar").isVisible()).isFalse();
    assertThat(page.locator("header.topbar").isVisible()).isFalse();
    assertThat(page.locator("#c-print").isVisible()).isFalse();
    assertThat(page.locator("#h-chain").isVisible()).isTrue();
    chromium.screenshot(page, "compliance-report-print");
  }

  @Test
  void aSwitchedOffSectionShowsAFinished403Page() {
    stack.bean(FeatureGate.class).override(fx.tenant().orgId(), Feature.ANALYTICS, false);
    try {
      Page page = signedIn();
      Response r = page.navigate(base() + "/analytics");
      assertThat(r.status()).isEqualTo(403);
      assertThat(page.locator("h1").textContent()).isEqualTo("LLM analytics");
      assertThat(page.locator("#feature-off").textContent())
          .contains("Feature switched off")
          .contains("features enable --org " + fx.tenant().orgId() + " analytics");
      chromium.assertAccessible(page, "/analytics switched off");
      chromium.screenshot(page, "feature-off");
    } finally {
      stack.bean(FeatureGate.class).override(fx.tenant().orgId(), Feature.ANALYTICS, null);
    }
  }
}
