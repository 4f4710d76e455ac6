package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.read.AuditReader;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.view.AuditPage;
import ai.agentlens.web.dashboard.view.Fmt;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The audit log page (FR-51): the newest matching entries, filtered by action, actor and result in
 * the store's query (the same read the API's audit endpoint runs).
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

  /** Entries the page shows. */
  static final int PAGE_SIZE = 200;

  private final OrgContext context;
  private final AuditReader audit;

  AuditPages(OrgContext context, AuditReader audit) {
    this.context = context;
    this.audit = audit;
  }

  @Get("/audit")
  MutableHttpResponse<?> audit(
      HttpRequest<?> request,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String result,
      @Nullable @QueryValue String actor) {
    OrgContext.Current c = context.require(request);
    boolean allowed = c.can(Permission.READ_AUDIT);
    boolean anyResult = result == null || result.isBlank();
    Optional<AuditResult> outcome = AuditResult.fromWireName(result);
    List<AuditPage.Entry> rows = List.of();
    // why: a result that names no outcome matches no entry (the form only offers the two)
    if (allowed && (anyResult || outcome.isPresent())) {
      AuditQuery query =
          new AuditQuery(
              action, actor, null, null, null, outcome.orElse(null), null, null, null, PAGE_SIZE);
      rows =
          audit.list(c.signed().caller(), c.orgId(), query).stream().map(AuditPages::row).toList();
    }
    Layout layout = context.layout(c, "Audit log", "audit").withFlash(Flash.read(request));
    return Pages.shown(
        request, "audit", new AuditPage(layout, allowed, rows, or(action), or(actor), or(result)));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static AuditPage.Entry row(AuditEntry e) {
    return new AuditPage.Entry(
        Fmt.time(e.occurredAt()),
        e.actorType().name().toLowerCase(Locale.ROOT) + " " + e.actorId(),
        e.action(),
        or(e.targetType()) + " " + or(e.targetId()),
        or(e.ip()),
        e.result().wireName());
  }

  private static String or(String s) {
    return s == null ? "" : s;
  }
}
