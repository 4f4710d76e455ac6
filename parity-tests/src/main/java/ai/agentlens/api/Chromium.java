package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's headless Chromium driven by Playwright for Java (no browser download): pages, axe-core
 * accessibility checks, screenshots, and a record of every Content-Security-Policy violation the
 * browser reports.
 */
final class Chromium implements AutoCloseable {

  /** Where Debian installs the browser; {@code -Dagentlens.chromium=…} points elsewhere. */
  private static final Path EXECUTABLE =
      Paths.get(System.getProperty("agentlens.chromium", "/usr/bin/chromium"));

  private static final String AXE = axeSource();

  private final Playwright playwright;
  private final Browser browser;
  private final Path screenshots;
  private final List<String> cspViolations = new CopyOnWriteArrayList<>();

  /**
   * Tells whether the browser is installed.
   *
   * @return {@code true} when the executable exists
   */
  static boolean installed() {
    return Files.isExecutable(EXECUTABLE);
  }

  /**
   * Returns the browser's path.
   *
   * @return the executable
   */
  static Path executable() {
    return EXECUTABLE;
  }

  Chromium(String launcher) {
    this(launcher, List.of());
  }

  /**
   * Starts the browser with extra command-line switches.
   *
   * @param launcher the screenshot folder's name
   * @param extraArgs more switches, e.g. {@code --host-resolver-rules=MAP lan.test 127.0.0.1}
   */
  Chromium(String launcher, List<String> extraArgs) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic"));
    args.addAll(extraArgs);
    // why: drive the installed browser only; whoever runs the kit needs no surefire setting for it
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(args));
    screenshots = Paths.get("target", "screenshots", launcher);
    try {
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens a fresh browser profile (own cookies) with a desktop viewport.
   *
   * @return the page
   */
  Page newPage() {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("en-US"));
    Page page = context.newPage();
    page.setDefaultTimeout(15_000);
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            cspViolations.add(page.url() + ": " + m.text());
          }
        });
    return page;
  }

  /**
   * Runs axe-core in the page and fails on serious or critical violations.
   *
   * @param page the page
   * @param what a name for the message
   */
  void assertAccessible(Page page, String what) {
    // why: evaluated through the DevTools protocol, so the page's CSP (no inline script) still
    // holds
    page.evaluate("() => { if (!window.axe) { " + AXE + "\n } }");
    Object found =
        page.evaluate(
            "async () => { const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))); }");
    assertThat(found).as("axe-core serious/critical violations on " + what).isEqualTo("[]");
  }

  /**
   * Saves a full-page screenshot as {@code target/screenshots/<launcher>/<name>.png}.
   *
   * @param page the page
   * @param name the file name without extension
   */
  void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * Returns the CSP violations reported so far.
   *
   * @return the messages
   */
  List<String> cspViolations() {
    return List.copyOf(cspViolations);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  private static String axeSource() {
    try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js missing from the test kit resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
