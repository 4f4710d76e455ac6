package ai.agentlens.web.account;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.read.AuditReader;
import ai.agentlens.web.auth.SessionAuth;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit log (PC-14..PC-18): paged, filtered reading ({@code action} and {@code actor} contain,
 * {@code targetType}, {@code targetId} and {@code result} equal, {@code from}/{@code to} range;
 * filtered by the store) and the JSON export {@code GET /v1/audit/export?from=DATE&to=DATE} (also
 * at {@code /api/audit/export}), Owner and Admin only.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

  /**
   * A page of entries.
   *
   * @param entries newest first
   * @param nextBefore pass as {@code before} for the next page, or {@code null} at the end
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Page(List<Views.AuditView> entries, String nextBefore) {}

  /**
   * An export.
   *
   * @param orgId the org
   * @param from inclusive start
   * @param to exclusive end
   * @param entries oldest first
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Export(String orgId, String from, String to, List<Views.AuditView> entries) {}

  private final SessionAuth auth;
  private final AuditReader audit;

  AuditController(SessionAuth auth, AuditReader audit) {
    this.auth = auth;
    this.audit = audit;
  }

  @Get("/api/orgs/{orgId}/audit")
  Page list(
      HttpRequest<?> request,
      @PathVariable String orgId,
      @Nullable @QueryValue String before,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue String targetType,
      @Nullable @QueryValue String targetId,
      @Nullable @QueryValue String result,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    SessionAuth.Authenticated a = auth.require(request);
    int n = limit == null ? 100 : limit;
    Instant until = earliest(optional("to", to, true), optional("before", before, false));
    AuditQuery query =
        new AuditQuery(
            action,
            actor,
            null,
            targetType,
            targetId,
            result(result),
            optional("from", from, false),
            until,
            null,
            n);
    List<AuditEntry> page = audit.list(a.caller(), orgId, query);
    String next = page.size() == n ? page.get(page.size() - 1).occurredAt().toString() : null;
    return new Page(page.stream().map(Views.AuditView::of).toList(), next);
  }

  @Get("/v1/audit/export")
  Export export(
      HttpRequest<?> request,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String orgId) {
    SessionAuth.Authenticated a = auth.require(request);
    String org = orgId != null && !orgId.isBlank() ? orgId : a.session().currentOrgId();
    if (org == null) {
      throw new AccountException(
          AccountException.Kind.INVALID, "orgId: missing (no current org in this session)");
    }
    if (from == null || to == null) {
      throw new AccountException(AccountException.Kind.INVALID, "from and to are required");
    }
    Instant f = instant("from", from, false);
    Instant t = instant("to", to, true);
    List<AuditEntry> entries = audit.export(a.caller(), org, f, t);
    return new Export(
        org, f.toString(), t.toString(), entries.stream().map(Views.AuditView::of).toList());
  }

  @Get("/api/audit/export")
  Export exportAlias(
      HttpRequest<?> request,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String orgId) {
    return export(request, from, to, orgId);
  }

  private static Instant optional(String field, String raw, boolean endOfDay) {
    return raw == null || raw.isBlank() ? null : instant(field, raw, endOfDay);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || (b != null && b.isBefore(a)) ? b : a;
  }

  private static AuditResult result(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return AuditResult.fromWireName(raw)
        .orElseThrow(() -> AccountException.invalid("result: success or failure"));
  }

  /** A date ({@code 2026-01-31}, UTC day; as an end it includes that whole day) or an instant. */
  static Instant instant(String field, String raw, boolean endOfDay) {
    try {
      if (raw.length() == 10) {
        LocalDate d = LocalDate.parse(raw);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw new AccountException(
          AccountException.Kind.INVALID,
          field + ": a date (YYYY-MM-DD) or an RFC 3339 time, got '" + raw + "'");
    }
  }
}
