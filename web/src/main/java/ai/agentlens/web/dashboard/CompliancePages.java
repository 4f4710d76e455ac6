package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.compliance.ComplianceReport;
import ai.agentlens.core.compliance.ComplianceReports;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.view.CompliancePage;
import ai.agentlens.web.dashboard.view.SessionsPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The printable compliance report page: the same report as {@code /api/compliance/report}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class CompliancePages {

  private static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

  private final OrgContext context;
  private final ComplianceReports reports;

  CompliancePages(OrgContext context, ComplianceReports reports) {
    this.context = context;
    this.reports = reports;
  }

  @Get("/compliance")
  MutableHttpResponse<?> compliance(HttpRequest<?> request, @Nullable @QueryValue String days) {
    OrgContext.Current c = context.require(request);
    int period = parse(days);
    if (period < 0) {
      return Pages.error(
          HttpStatus.BAD_REQUEST,
          "The period must be a whole number of days from 1 to "
              + ComplianceReports.MAX_DAYS
              + ".");
    }
    ComplianceReport report = reports.report(c.orgId(), period).orElseThrow();
    List<SessionsPage.Option> options =
        PERIODS.stream()
            .map(
                d -> new SessionsPage.Option(String.valueOf(d), "Last " + d + " days", d == period))
            .toList();
    return Pages.ok(
        "compliance",
        new CompliancePage(
            context.layout(c, "Compliance report", "compliance"), report, period, options));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static int parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return ComplianceReports.DEFAULT_DAYS;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      return n >= 1 && n <= ComplianceReports.MAX_DAYS ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
