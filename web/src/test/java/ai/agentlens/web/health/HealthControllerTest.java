package ai.agentlens.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class HealthControllerTest {

  @Test
  void healthAnswersOkWithTheProjectVersion() {
    try (var server = start(Map.of());
        var client = client(server)) {
      HttpResponse<Map> response =
          client.toBlocking().exchange(HttpRequest.GET("/api/health"), Map.class);
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body())
          .containsEntry("status", "ok")
          .containsEntry(
              "version", server.getApplicationContext().getBean(BuildInfo.class).version());
      assertThat((String) response.body().get("version")).matches("\\d+\\.\\d+\\.\\d+.*");
    }
  }

  @Test
  void readyIs200WhenEveryProbePasses() {
    try (var server = start(Map.of("test.probe", "up"));
        var client = client(server)) {
      Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.GET("/api/ready"), Map.class);
      assertThat(body.get("status")).isEqualTo("ready");
      assertThat((Map<String, Object>) body.get("checks")).containsEntry("fake", "up");
    }
  }

  @Test
  void readyIs503AndNamesTheFailingDependency() {
    try (var server = start(Map.of("test.probe", "down"));
        var client = client(server)) {
      var error =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              HttpClientResponseException.class,
              () -> client.toBlocking().exchange(HttpRequest.GET("/api/ready"), Map.class));
      assertThat(error.getStatus().getCode()).isEqualTo(503);
      Map<?, ?> body = error.getResponse().getBody(Map.class).orElseThrow();
      assertThat(body.get("status")).isEqualTo("not ready");
      assertThat((Map<String, Object>) body.get("checks")).containsEntry("fake", "fake is down");
    }
  }

  @Test
  void aHangingProbeTimesOutInsteadOfHangingTheEndpoint() {
    try (var server = start(Map.of("test.probe", "hang"));
        var client = client(server)) {
      var error =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              HttpClientResponseException.class,
              () -> client.toBlocking().exchange(HttpRequest.GET("/api/ready"), Map.class));
      assertThat(error.getStatus().getCode()).isEqualTo(503);
      assertThat(
              (Map<String, Object>)
                  error.getResponse().getBody(Map.class).orElseThrow().get("checks"))
          .containsEntry("fake", "timed out");
    }
  }

  private static EmbeddedServer start(Map<String, Object> props) {
    var all = new java.util.HashMap<String, Object>(props);
    all.put("micronaut.server.port", -1);
    return ApplicationContext.run(EmbeddedServer.class, all);
  }

  private static HttpClient client(EmbeddedServer server) {
    return HttpClient.create(server.getURL());
  }

  /** A probe whose answer the test chooses through the {@code test.probe} property. */
  @Singleton
  @Requires(property = "test.probe")
  static class FakeProbe implements ReadinessProbe {
    private final String mode;

    FakeProbe(@Property(name = "test.probe") String mode) {
      this.mode = mode;
    }

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public Optional<String> problem() {
      if (mode.equals("hang")) {
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return mode.equals("up") ? Optional.empty() : Optional.of("fake is down");
    }

    @Override
    public Duration timeout() {
      return Duration.ofMillis(300);
    }
  }
}
