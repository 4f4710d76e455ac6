package ai.agentlens.web.transfer;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.transfer.ImportReport;
import ai.agentlens.core.transfer.OrgExport;
import ai.agentlens.core.transfer.OrgImport;
import ai.agentlens.web.auth.ApiKeyAuth;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Org export and import as JSONL (docs/export-import.md): {@code GET /v1/export?format=jsonl}
 * streams the org (gzip when the client accepts it) and {@code POST /v1/import} reads a streamed
 * body (gzip accepted) into the caller's org, reporting skipped lines; at the org's import rate
 * limit it answers 429 with {@code Retry-After} and the line to resume from ({@code ?fromLine=}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class TransferController {

  /** The export's media type. */
  public static final String NDJSON = "application/x-ndjson";

  private static final Logger LOG = LoggerFactory.getLogger(TransferController.class);

  private final TransferAccess access;
  private final ApiKeyAuth keys;
  private final OrgExport export;
  private final OrgImport importer;
  private final ExecutorService blocking;

  TransferController(
      TransferAccess access,
      ApiKeyAuth keys,
      OrgExport export,
      OrgImport importer,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.access = access;
    this.keys = keys;
    this.export = export;
    this.importer = importer;
    this.blocking = blocking;
  }

  @Get(value = "/v1/export", produces = NDJSON)
  HttpResponse<StreamedFile> export(
      HttpRequest<?> request,
      @Nullable @QueryValue String format,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to)
      throws IOException {
    String orgId = access.requireOrg(request);
    if (format != null && !format.equals("jsonl")) {
      throw AccountException.invalid("format: only jsonl is supported");
    }
    Instant f = TransferTimes.parse("from", from);
    Instant t = TransferTimes.parse("to", to);
    if (f != null && t != null && !f.isBefore(t)) {
      throw AccountException.invalid("from must be before to");
    }
    String accept = request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING);
    boolean gzip = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream pipe = new PipedOutputStream(in);
    blocking.execute(
        () -> {
          try (OutputStream out = gzip ? new GZIPOutputStream(pipe, 1 << 16) : pipe) {
            export.export(orgId, f, t, out, n -> {});
          } catch (IOException | RuntimeException e) {
            // why: the status line is already sent; closing the pipe early truncates the stream,
            // and the missing checksum line tells the client the export is incomplete
            LOG.warn("export of org {} stopped: {}", orgId, e.toString());
          }
        });
    MutableResponse r = new MutableResponse(gzip);
    return r.of(new StreamedFile(in, MediaType.of(NDJSON)));
  }

  @Post(
      value = "/v1/import",
      consumes = {NDJSON, MediaType.ALL})
  HttpResponse<ImportJson> importLines(
      HttpRequest<?> request, @Nullable @QueryValue Long fromLine, @Body InputStream body)
      throws IOException {
    String orgId = keys.require(request).orgId();
    if (fromLine != null && fromLine < 1) {
      throw AccountException.invalid("fromLine: 1 or more");
    }
    InputStream in = new BufferedInputStream(body, 1 << 16);
    if (gzipped(request, in)) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    ImportReport report;
    try {
      report = importer.importLines(orgId, in, fromLine == null ? 1 : fromLine, n -> {});
    } catch (java.util.zip.ZipException e) {
      throw AccountException.invalid("body: not a valid gzip stream (" + e.getMessage() + ")");
    } catch (UncheckedIOException e) {
      throw AccountException.invalid("body: unreadable (" + e.getMessage() + ")");
    }
    ImportJson json = ImportJson.of(report);
    if (report.rateLimited()) {
      return HttpResponse.<ImportJson>status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, report.retryAfterSeconds())))
          .body(json);
    }
    return HttpResponse.ok(json);
  }

  /**
   * Whether the body is gzip: by its magic bytes, whatever the headers say.
   *
   * <p>// why: the server may already have decoded a {@code Content-Encoding: gzip} body, so the
   * header alone cannot tell whether the bytes we read are still compressed
   */
  private static boolean gzipped(HttpRequest<?> request, InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b;
  }

  private record MutableResponse(boolean gzip) {
    HttpResponse<StreamedFile> of(StreamedFile file) {
      var r = HttpResponse.ok(file).contentType(NDJSON);
      if (gzip) {
        r.header(HttpHeaders.CONTENT_ENCODING, "gzip");
      }
      return r;
    }
  }
}
