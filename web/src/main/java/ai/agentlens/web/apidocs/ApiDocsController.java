package ai.agentlens.web.apidocs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.openapi.annotation.OpenAPIExclude;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The JSON API's OpenAPI 3.1 document, generated at build time by micronaut-openapi from the
 * controllers (docs/api.md, "OpenAPI"), served at {@code /openapi.yml}, and a Swagger UI page at
 * {@code /api/docs} from the Swagger UI WebJar (no CDN). The page has no inline script or style:
 * its initializer is {@code /assets/api-docs.js}, so the strict CSP holds. The dashboard's HTML
 * pages are not part of the document.
 */
@Controller
@Hidden
@OpenAPIDefinition(
    info =
        @Info(
            title = "AgentLens API",
            version = "1",
            description =
                "Ingestion, read, analytics and management API of AgentLens for the JVM."
                    + " SDK routes take an API key (Authorization: Bearer al_live_...);"
                    + " management routes take the dashboard session cookie and the CSRF header."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
@OpenAPIExclude(packages = "ai.agentlens.web.dashboard")
public class ApiDocsController {

  /** Where micronaut-openapi writes the document (see the web pom's compiler arguments). */
  static final String DOCUMENT = "META-INF/swagger/agentlens.yml";

  private final byte[] document;
  private final String page;

  ApiDocsController() {
    this.document = read(DOCUMENT);
    this.page = page(swaggerUiVersion());
  }

  @Get(uri = "/openapi.yml", produces = "application/yaml")
  HttpResponse<byte[]> document() {
    return HttpResponse.ok(document);
  }

  @Get(uri = "/api/docs", produces = MediaType.TEXT_HTML)
  HttpResponse<String> ui() {
    return HttpResponse.ok(page);
  }

  private static String page(String version) {
    String base = "/webjars/swagger-ui/" + version + "/";
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>AgentLens API</title>
          <link rel="stylesheet" href="%sswagger-ui.css">
        </head>
        <body>
          <main id="swagger-ui" aria-label="AgentLens API reference"></main>
          <script src="%sswagger-ui-bundle.js"></script>
          <script src="/assets/api-docs.js"></script>
        </body>
        </html>
        """
        .formatted(base, base);
  }

  private static String swaggerUiVersion() {
    Properties p = new Properties();
    try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] read(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the class path");
    }
    return in;
  }
}
