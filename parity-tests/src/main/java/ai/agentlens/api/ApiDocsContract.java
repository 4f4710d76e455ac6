package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Page;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document and its browsable UI (docs/api.md, "OpenAPI"), run unchanged against both
 * launchers: {@code /openapi.yml} is a valid OpenAPI 3.1 document, every {@code /api} and {@code
 * /v1} route of the running server is in it with its method (so a new controller route without
 * documentation fails here), no dashboard page is, and {@code /api/docs} renders in Chromium
 * without a Content-Security-Policy violation or a script error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiDocsContract {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Routes that are the documentation itself, not part of the API. */
  private static final List<String> NOT_API = List.of("GET /api/docs");

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties this start needs on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  /**
   * Lists every route the running launcher's router knows, as {@code METHOD /template}, e.g. {@code
   * GET /api/sessions/{id}}.
   *
   * @return the routes
   */
  protected abstract List<String> routes();

  /**
   * Names the launcher, for the screenshot folder.
   *
   * @return e.g. {@code selfhosted}
   */
  protected abstract String launcher();

  protected TestStack stack;

  @BeforeAll
  void startStack() {
    stack = start(Map.of());
  }

  @AfterAll
  void stopStack() {
    stack.close();
  }

  @Test
  void theDocumentIsAValidOpenApi31Document() throws Exception {
    HttpResponse<String> r = get("/openapi.yml");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, null);
    assertThat(parsed.getMessages()).as("parser messages").isEmpty();
    OpenAPI api = parsed.getOpenAPI();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getInfo().getTitle()).isEqualTo("AgentLens API");
  }

  @Test
  void everyApiRouteOfTheServerIsInTheDocumentAndNoDashboardPageIs() throws Exception {
    OpenAPI api =
        new OpenAPIV3Parser().readContents(get("/openapi.yml").body(), null, null).getOpenAPI();
    List<String> documented = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(m -> documented.add(m.name() + " " + path)));
    List<String> apiRoutes =
        routes().stream()
            .filter(r -> r.contains(" /api/") || r.contains(" /v1/"))
            .filter(r -> !NOT_API.contains(r))
            // why: Micronaut answers HEAD for every GET route on its own; the GET is documented
            .filter(r -> !r.startsWith("HEAD "))
            .distinct()
            .toList();
    assertThat(apiRoutes)
        .as("the router's routes (a sanity check of the enumeration)")
        .contains(
            "POST /api/events", "GET /api/sessions/{id}/timeline", "POST /api/orgs/{orgId}/keys");
    assertThat(documented).as("routes missing from /openapi.yml").containsAll(apiRoutes);
    assertThat(api.getPaths().keySet())
        .as("dashboard pages and the docs themselves are not API")
        .allMatch(p -> p.startsWith("/api/") || p.startsWith("/v1/"))
        .doesNotContain("/api/docs");
  }

  @Test
  void theBrowsableUiRendersInChromiumUnderTheStrictCsp() throws Exception {
    assumeTrue(
        Chromium.installed(),
        "Chromium is not installed at "
            + Chromium.executable()
            + " (install it with: apt-get install -y chromium)");
    HttpResponse<String> raw = get("/api/docs");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(raw.body().toLowerCase(Locale.ROOT))
        .doesNotContain("<script>")
        .doesNotContain("<style");
    try (Chromium chromium = new Chromium(launcher())) {
      Page page = chromium.newPage();
      List<String> errors = new CopyOnWriteArrayList<>();
      page.onPageError(errors::add);
      page.navigate("http://localhost:" + stack.port() + "/api/docs");
      page.waitForSelector(".opblock-summary-path");
      assertThat(page.textContent(".info .title")).contains("AgentLens API");
      assertThat(page.locator(".opblock-summary-path[data-path='/api/events']").count())
          .isPositive();
      chromium.screenshot(page, "api-docs");
      assertThat(errors).as("script errors").isEmpty();
      assertThat(chromium.cspViolations()).as("CSP violations reported by the browser").isEmpty();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.url() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
