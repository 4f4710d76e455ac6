package ai.agentlens.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.web.ingest.InvalidIngestException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error leaves the server as {@code {"error","status",…}}, never as a stack trace. */
class ErrorEnvelopeTest {

  private static EmbeddedServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class, Map.of("micronaut.server.port", -1, "test.errors", "on"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .method(method, publisher)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unknownRouteIs404InTheEnvelope() throws Exception {
    var response = send("GET", "/api/nope", null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"Not found\",\"status\":404}");
  }

  @Test
  void wrongMethodIs405() throws Exception {
    var response = send("DELETE", "/api/health", null);
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).isEqualTo("{\"error\":\"Method not allowed\",\"status\":405}");
  }

  @Test
  void unexpectedExceptionIsAGeneric500WithoutItsMessage() throws Exception {
    var response = send("GET", "/test/boom", null);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"error\":\"Internal server error\",\"status\":500}");
  }

  @Test
  void invalidIngestIs400WithDetails() throws Exception {
    var response = send("GET", "/test/invalid", null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"Validation failed\",\"status\":400,\"details\":[{\"path\":\"events.0.agentId\",\"message\":\"is required\"}]}");
  }

  @Test
  void bodyOverOneMebibyteIs413() throws Exception {
    var response = send("POST", "/test/echo", "\"" + "x".repeat(1_100_000) + "\"");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"Request body too large\",\"status\":413,\"maxSize\":\"1MB\"}");
  }

  @Test
  void bodyJustUnderTheLimitIsAccepted() throws Exception {
    var response = send("POST", "/test/echo", "\"" + "x".repeat(1_000_000) + "\"");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"bytes\":1000002}");
  }

  /** Routes that fail on purpose. */
  @Controller("/test")
  @Requires(property = "test.errors")
  static class FailingController {

    @Get("/boom")
    String boom() {
      throw new IllegalStateException("password=hunter2 at jdbc:postgresql://db/secret");
    }

    @Get("/invalid")
    String invalid() {
      throw new InvalidIngestException(
          "Validation failed", List.of(new Problem("events.0.agentId", "is required")));
    }

    @Post(
        uri = "/echo",
        consumes = MediaType.APPLICATION_JSON,
        produces = MediaType.APPLICATION_JSON)
    String echo(@Body byte[] body) {
      return "{\"bytes\":" + body.length + "}";
    }
  }
}
