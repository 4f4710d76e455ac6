package ai.agentlens.web.compliance;

import ai.agentlens.core.compliance.ComplianceReports;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.ErrorBody;
import ai.agentlens.web.error.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * {@code GET /api/compliance/report?days=}: the caller's org's compliance report (API key or
 * session), cached five minutes per org and period. {@code days} defaults to 30; outside 1..365 is
 * a 400 naming the range.
 */
@Controller("/api/compliance")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ComplianceController {

  private final SessionOrKeyAuth auth;
  private final ComplianceReports reports;

  ComplianceController(SessionOrKeyAuth auth, ComplianceReports reports) {
    this.auth = auth;
    this.reports = reports;
  }

  @Get(uri = "/report", produces = MediaType.APPLICATION_JSON)
  MutableHttpResponse<?> report(HttpRequest<?> request, @Nullable @QueryValue String days) {
    SessionOrKeyAuth.Caller caller = auth.require(request);
    int period = days(days);
    return reports
        .report(caller.orgId(), period)
        .<MutableHttpResponse<?>>map(
            r -> HttpResponse.ok(ComplianceJson.render(r)).contentType(MediaType.APPLICATION_JSON))
        .orElseGet(
            () -> HttpResponse.<ErrorBody>notFound().body(ErrorBody.of("Org not found", 404)));
  }

  /**
   * Parses {@code days}: absent or blank → the default; otherwise 1..365.
   *
   * @param raw the parameter
   * @return the period in days
   * @throws BadRequestException when it is not a whole number in range
   */
  static int days(String raw) {
    if (raw == null || raw.isBlank()) {
      return ComplianceReports.DEFAULT_DAYS;
    }
    int n;
    try {
      n = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > ComplianceReports.MAX_DAYS) {
      throw new BadRequestException(
          "Invalid query",
          List.of(
              new Problem(
                  "days", "must be a whole number from 1 to " + ComplianceReports.MAX_DAYS)));
    }
    return n;
  }
}
