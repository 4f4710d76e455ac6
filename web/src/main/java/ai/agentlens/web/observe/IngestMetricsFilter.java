package ai.agentlens.web.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts ingest requests by outcome and refusal reason ({@code agentlens_ingest_requests_total}),
 * and the events accepted ({@code agentlens_ingest_events_accepted_total}), on every ingest route.
 * The reason comes from the status the gateway answered with, which is one per reason
 * (docs/api.md).
 */
@ServerFilter({"/api/events", "/v1/events", "/v1/events/batch", "/v1/traces"})
public class IngestMetricsFilter {

  private final MeterRegistry registry;
  private final Counter events;
  private final Map<Integer, Counter> byStatus = new ConcurrentHashMap<>();

  IngestMetricsFilter(MeterRegistry registry) {
    this.registry = registry;
    this.events =
        Counter.builder("agentlens.ingest.events.accepted")
            .description("Events accepted by the ingest gateway")
            .register(registry);
  }

  @ResponseFilter
  void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
    int status = response.code();
    byStatus.computeIfAbsent(status, this::counter).increment();
    response
        .getBody()
        .filter(b -> b instanceof ai.agentlens.web.ingest.IngestController.Accepted)
        .ifPresent(
            b ->
                events.increment(
                    ((ai.agentlens.web.ingest.IngestController.Accepted) b).accepted()));
  }

  private Counter counter(int status) {
    boolean accepted = status >= 200 && status < 300;
    return Counter.builder("agentlens.ingest.requests")
        .description("Ingest requests by outcome and refusal reason")
        .tag("outcome", accepted ? "accepted" : "refused")
        .tag("reason", accepted ? "none" : reason(status))
        .register(registry);
  }

  /**
   * The refusal reason of a status.
   *
   * @param status the HTTP status
   * @return e.g. {@code rate_limited}
   */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "invalid";
      case 401 -> "unauthorized";
      case 402 -> "quota_exceeded";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "rate_limited";
      case 503 -> "overloaded";
      default -> status >= 500 ? "server_error" : "other";
    };
  }
}
