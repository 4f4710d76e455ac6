package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.audit.AuditVerifier;
import ai.agentlens.core.audit.VerificationReport;
import ai.agentlens.core.audit.VerificationTimeout;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.view.AuditVerifyPage;
import ai.agentlens.web.dashboard.view.Layout;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The audit verification page ({@code /org/audit/verify}): Owners and Admins verify one session's
 * chain or every chain with an event in a range of UTC days, with the same use case as {@code GET
 * /api/audit/verify}, and download the signed report with its events.
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AuditVerifyPages {

  private final OrgContext context;
  private final AuditVerifier verifier;

  AuditVerifyPages(OrgContext context, AuditVerifier verifier) {
    this.context = context;
    this.verifier = verifier;
  }

  @Get("/audit/verify")
  MutableHttpResponse<?> verify(
      HttpRequest<?> request,
      @Nullable @QueryValue String sessionId,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    OrgContext.Current c = context.require(request);
    boolean allowed = c.can(Permission.READ_AUDIT);
    String session = or(sessionId).trim();
    String problem = "";
    AuditVerifyPage.Result result = null;
    if (allowed && (!session.isEmpty() || !or(from).isBlank() || !or(to).isBlank())) {
      try {
        if (!session.isEmpty()) {
          Optional<VerificationReport> r = verifier.session(c.orgId(), session, e -> {});
          result = r.map(x -> shown(x, "sessionId=" + enc(session))).orElse(null);
          problem = r.isEmpty() ? "No session " + session + " in this org." : "";
        } else {
          Instant f = day(from, false);
          Instant t = day(to, true);
          if (f == null || t == null || !AuditVerifier.validRange(f, t)) {
            problem = "Give a first and a last day, at most a year apart.";
          } else {
            result =
                shown(
                    verifier.range(c.orgId(), f, t, e -> {}),
                    "from=" + enc(f.toString()) + "&to=" + enc(t.toString()));
          }
        }
      } catch (VerificationTimeout e) {
        problem = e.getMessage();
      }
    }
    Layout layout = context.layout(c, "Verify hash chains", "audit");
    return Pages.shown(
        request,
        "audit-verify",
        new AuditVerifyPage(layout, allowed, session, or(from), or(to), problem, result));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static AuditVerifyPage.Result shown(VerificationReport r, String query) {
    return new AuditVerifyPage.Result(
        r.verified(),
        r.sessionsVerified(),
        r.totalEvents(),
        r.signature(),
        r.brokenChains().stream()
            .map(
                b ->
                    new AuditVerifyPage.Broken(
                        b.sessionId(), b.failedAtIndex(), b.failedEventId(), b.reason()))
            .toList(),
        "/api/audit/verify/export?" + query);
  }

  private static Instant day(String raw, boolean end) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(raw.trim());
      return (end ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String or(String s) {
    return s == null ? "" : s;
  }
}
