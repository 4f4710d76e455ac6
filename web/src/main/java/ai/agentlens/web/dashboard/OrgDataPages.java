package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.org.MemberAdmin;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.retention.RetentionPolicy;
import ai.agentlens.core.transfer.ImportReport;
import ai.agentlens.core.transfer.OrgImport;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.ConfirmPage;
import ai.agentlens.web.dashboard.view.DataPage;
import ai.agentlens.web.dashboard.view.Fmt;
import ai.agentlens.web.wiring.RetentionScheduler;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/**
 * The org's data pages (issue 15): retention and purge status, export, import with its per-line
 * report, and the Owner's ownership transfer and org deletion, each behind a confirmation step.
 * Forms answer with a redirect, except the import, whose report is the answer (importing again is
 * harmless: every event already there counts as a duplicate).
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class OrgDataPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final OrgAdmin orgs;
  private final MemberAdmin members;
  private final OrgImport importer;
  private final Clock clock;
  private final RetentionScheduler purge;

  OrgDataPages(
      PageAuth auth,
      OrgContext context,
      OrgAdmin orgs,
      MemberAdmin members,
      OrgImport importer,
      Clock clock,
      @Nullable RetentionScheduler purge) {
    this.auth = auth;
    this.context = context;
    this.orgs = orgs;
    this.members = members;
    this.importer = importer;
    this.clock = clock;
    this.purge = purge;
  }

  @Get("/data")
  MutableHttpResponse<?> data(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    return Pages.shown(request, "data", page(request, c, null));
  }

  @Post(value = "/data/import", consumes = MediaType.MULTIPART_FORM_DATA)
  MutableHttpResponse<?> importFile(
      HttpRequest<?> request,
      @Part("_csrf") @Nullable String csrf,
      @Part("file") @Nullable CompletedFileUpload file)
      throws IOException {
    PageAuth.Signed s = auth.requireForm(request, Map.of(PageAuth.CSRF_FIELD, nz(csrf)));
    OrgContext.Current c = context.of(s);
    if (!c.can(Permission.MANAGE_SETTINGS)) {
      throw AccountException.forbidden("export and import need the Owner or Admin role");
    }
    if (file == null || file.getSize() == 0) {
      return Flash.error(Redirects.to("/org/data"), "Choose a JSON Lines file to import.");
    }
    ImportReport report;
    try (InputStream raw = new BufferedInputStream(file.getInputStream(), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      report = importer.importLines(c.orgId(), in, 1, n -> {});
    } catch (java.util.zip.ZipException e) {
      return Flash.error(Redirects.to("/org/data"), "The file is not a valid gzip stream.");
    }
    DataPage.ImportResult result =
        new DataPage.ImportResult(
            report.lines(),
            report.imported(),
            report.duplicates(),
            report.invalid(),
            report.rechained(),
            report.checksumVerified(),
            report.rateLimited(),
            report.resumeFromLine(),
            report.errors().stream()
                .map(e -> new DataPage.LineError(e.line(), e.error()))
                .toList());
    return Pages.ok("data", page(request, c, result));
  }

  @Get("/transfer")
  MutableHttpResponse<?> confirmTransfer(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    return Pages.ok("confirm", transferPage(c, null));
  }

  @Post("/transfer")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> transfer(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.TRANSFER_OWNERSHIP)) {
      throw AccountException.forbidden("only the Owner can transfer ownership");
    }
    if (!c.org().slug().equals(form.getOrDefault("confirm", "").trim())) {
      return Pages.status(
          HttpStatus.BAD_REQUEST,
          "confirm",
          transferPage(c, "Type the organization's slug exactly to confirm."));
    }
    try {
      orgs.transferOwnership(c.signed().caller(), c.orgId(), nz(form.get("choice")));
    } catch (AccountException e) {
      return Pages.status(AuthPages.status(e), "confirm", transferPage(c, e.getMessage()));
    }
    return Flash.ok(Redirects.to("/org/members"), "Ownership transferred. You are now an Admin.");
  }

  @Get("/delete")
  MutableHttpResponse<?> confirmDelete(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    return Pages.ok("confirm", deletePage(c, null));
  }

  @Post("/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> delete(HttpRequest<?> request, @Body Map<String, String> form) {
    OrgContext.Current c = context.of(auth.requireForm(request, form));
    if (!c.can(Permission.DELETE_ORG)) {
      throw AccountException.forbidden("only the Owner can delete the organization");
    }
    if (!c.org().slug().equals(form.getOrDefault("confirm", "").trim())) {
      return Pages.status(
          HttpStatus.BAD_REQUEST,
          "confirm",
          deletePage(c, "Type the organization's slug exactly to confirm."));
    }
    try {
      orgs.delete(c.signed().caller(), c.orgId());
    } catch (AccountException e) {
      return Pages.status(AuthPages.status(e), "confirm", deletePage(c, e.getMessage()));
    }
    return Flash.ok(
        Redirects.to("/account"),
        c.org().name() + " is deleted; its data is being purged (state below).");
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private ConfirmPage transferPage(OrgContext.Current c, String error) {
    List<ConfirmPage.Choice> admins =
        members.list(c.signed().caller(), c.orgId()).stream()
            .filter(m -> m.membership().role() == Role.ADMIN)
            .map(
                m ->
                    new ConfirmPage.Choice(
                        m.user().id(), m.user().displayName() + " (" + m.user().email() + ")"))
            .toList();
    return new ConfirmPage(
        c.signed().csrf(),
        "Transfer ownership of " + c.org().name(),
        admins.isEmpty()
            ? List.of("Only an Admin can become the Owner: make a member Admin first.")
            : List.of(
                "The Admin you choose becomes the Owner: billing, transfer and deletion are theirs.",
                "You stay in the organization as an Admin."),
        "/org/transfer",
        "To confirm, type the organization's slug",
        c.org().slug(),
        admins,
        "Transfer ownership",
        "/org/data",
        error);
  }

  private static ConfirmPage deletePage(OrgContext.Current c, String error) {
    return new ConfirmPage(
        c.signed().csrf(),
        "Delete " + c.org().name(),
        List.of(
            "Every member loses access and every API key stops working at once.",
            "All agents, sessions, events, usage and settings are purged within 24 hours.",
            "The audit log is kept. This cannot be undone."),
        "/org/delete",
        "To confirm, type the organization's slug",
        c.org().slug(),
        List.of(),
        "Delete this organization",
        "/org/data",
        error);
  }

  private DataPage page(HttpRequest<?> request, OrgContext.Current c, DataPage.ImportResult r) {
    var org = c.org();
    RetentionPolicy policy =
        purge == null ? new RetentionPolicy(OptionalInt.empty()) : purge.policy();
    OptionalInt kept = policy.days(org);
    String cutoff = policy.cutoff(org, clock.now()).map(Fmt::time).orElse("none (kept forever)");
    return new DataPage(
        context.layout(c, "Data", "data").withFlash(Flash.read(request)),
        c.can(Permission.MANAGE_SETTINGS),
        c.current().role() == Role.OWNER,
        org.settings().retentionDays(),
        Tiers.of(org.plan()).retentionDays(),
        kept.isEmpty() ? "forever" : kept.getAsInt() + " days",
        cutoff,
        purge == null ? "off" : purge.lastRun().map(Fmt::time).orElse("not yet since start"),
        purge == null ? "off" : Fmt.time(purge.nextRun()),
        r);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
