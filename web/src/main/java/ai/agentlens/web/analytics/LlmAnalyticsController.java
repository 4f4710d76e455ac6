package ai.agentlens.web.analytics;

import ai.agentlens.core.analytics.LlmAnalytics;
import ai.agentlens.core.analytics.LlmAnalytics.Granularity;
import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.read.LlmReports;
import ai.agentlens.web.auth.ApiKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/analytics/llm} for API keys, in the reference shape (§3.5, §4.3.2): {@code
 * summary}, {@code byModel} (cost descending), {@code byTime} (ascending). Defaults: the last 24
 * hours, hourly buckets.
 */
@Controller("/api/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LlmAnalyticsController {

  /** The longest range one request may cover. */
  static final Duration MAX_RANGE = Duration.ofDays(400);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiKeyAuth auth;
  private final LlmReports reports;
  private final Clock clock;

  LlmAnalyticsController(ApiKeyAuth auth, LlmReports reports, Clock clock) {
    this.auth = auth;
    this.reports = reports;
    this.clock = clock;
  }

  @Get(uri = "/llm", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> llm(
      HttpRequest<?> request,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String agentId,
      @Nullable @QueryValue String model,
      @Nullable @QueryValue String provider,
      @Nullable @QueryValue String granularity) {
    ApiKeyPrincipal key = auth.require(request);
    List<Problem> problems = new ArrayList<>();
    Instant now = clock.now();
    Instant end = instant("to", to, problems, now);
    Instant start = instant("from", from, problems, end.minus(Duration.ofHours(24)));
    Granularity g = granularity(granularity, problems);
    if (problems.isEmpty() && start.isAfter(end)) {
      problems.add(new Problem("from", "must not be after to"));
    }
    if (problems.isEmpty() && Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      problems.add(new Problem("from", "the range may cover at most 400 days"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("Invalid query", problems);
    }
    LlmAnalytics.Report report =
        reports.report(key.orgId(), start, end, g, agentId, model, provider);
    try {
      // why: the report is a core-domain record (no serde annotations there); Jackson reads records
      return HttpResponse.ok(JSON.writeValueAsString(report))
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("analytics report not serializable", e);
    }
  }

  private static Instant instant(String name, String raw, List<Problem> problems, Instant dflt) {
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      return OffsetDateTime.parse(raw.trim()).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new Problem(name, "must be an RFC 3339 date-time, e.g. 2025-01-01T00:00:00Z"));
      return dflt;
    }
  }

  private static Granularity granularity(String raw, List<Problem> problems) {
    if (raw == null || raw.isBlank()) {
      return Granularity.HOUR;
    }
    try {
      return Granularity.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("granularity", "must be one of [hour, day, week]"));
      return Granularity.HOUR;
    }
  }
}
