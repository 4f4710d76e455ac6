package ai.agentlens.web.observe;

import ai.agentlens.web.error.ErrorBody;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the Prometheus text exposition of every meter (docs/operations.md,
 * "Metrics"). Exists only when {@code agentlens.metrics.token} ({@code AGENTLENS_METRICS_TOKEN}) is
 * set, so an unconfigured server answers 404; a scrape must send {@code Authorization: Bearer
 * <token>}, compared in constant time, or gets 401.
 */
@Controller
@Hidden
@Requires(property = "agentlens.metrics.token")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MetricsController {

  /** The Prometheus text format's content type. */
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final byte[] expected;

  MetricsController(
      PrometheusMeterRegistry registry, @Value("${agentlens.metrics.token}") String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("agentlens.metrics.token must not be blank");
    }
    this.registry = registry;
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Get("/metrics")
  MutableHttpResponse<?> scrape(HttpRequest<?> request) {
    String given = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .body(ErrorBody.of("Send Authorization: Bearer <AGENTLENS_METRICS_TOKEN>", 401));
    }
    return HttpResponse.ok(registry.scrape()).contentType(TEXT_FORMAT);
  }
}
