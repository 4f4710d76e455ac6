package ai.agentlens.app.selfhosted;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.ratelimit.InMemoryRateLimiter;
import ai.agentlens.core.transfer.ImportReport;
import ai.agentlens.core.transfer.OrgConfig;
import ai.agentlens.core.transfer.OrgExport;
import ai.agentlens.core.transfer.OrgImport;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export} and {@code import}: the org JSONL format of {@code GET /v1/export} and {@code POST
 * /v1/import} (docs/export-import.md) against the data directory, with progress on stderr. The
 * operator's CLI is not rate-limited.
 */
final class TransferCommands {

  private TransferCommands() {}

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write one org's agents, sessions and events as JSONL.")
  static final class Export implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "jsonl", description = "Only jsonl.")
    String format;

    @Option(
        names = "--org",
        defaultValue = DefaultOrg.ID,
        description = "Org id (default: ${DEFAULT-VALUE}).")
    String org;

    @Option(names = "--from", description = "Only events at or after (YYYY-MM-DD or RFC 3339).")
    String from;

    @Option(names = "--to", description = "Only events before (YYYY-MM-DD or RFC 3339).")
    String to;

    @Option(names = "--out", description = "File to write (default: standard output).")
    Path out;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      if (!"jsonl".equals(format)) {
        err.println("--format: only jsonl is supported");
        return 2;
      }
      try (var storage = CliStorage.open(dataDir.resolve())) {
        Stores s = storage.stores();
        OrgExport export =
            new OrgExport(
                s.events(),
                s.sessions(),
                s.agents(),
                s.orgs(),
                OrgConfig.of(s, storage.alerting(), storage.incidents()),
                Clock.system());
        OutputStream target =
            out == null
                ? new BufferedOutputStream(System.out, 1 << 16)
                : new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        try {
          long n =
              export.export(
                  org, time(from), time(to), target, k -> err.println("exported " + k + " events"));
          err.println("done: " + n + " events of org " + org);
        } finally {
          if (out == null) {
            target.flush();
          } else {
            target.close();
          }
        }
      }
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Read a JSONL export (plain or gzip) into an org.")
  static final class Import implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", required = true, description = "The export file (.jsonl or .gz).")
    Path file;

    @Option(
        names = "--org",
        defaultValue = DefaultOrg.ID,
        description = "Org id (default: ${DEFAULT-VALUE}).")
    String org;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter out = spec.commandLine().getOut();
      try (var storage = CliStorage.open(dataDir.resolve());
          InputStream in = open(file)) {
        Stores s = storage.stores();
        OrgImport importer =
            new OrgImport(
                s.events(),
                s.orgs(),
                null,
                OrgConfig.of(s, storage.alerting(), storage.incidents()),
                // why: a running server's rule caches expire within their time to live
                org -> {},
                new InMemoryRateLimiter(Clock.system()),
                Integer.MAX_VALUE);
        ImportReport r = importer.importLines(org, in, 1, k -> err.println("imported " + k));
        out.println(
            "imported "
                + r.imported()
                + ", duplicates "
                + r.duplicates()
                + ", invalid "
                + r.invalid()
                + ", rechained "
                + r.rechained()
                + ", checksum "
                + (r.checksumVerified() ? "verified" : "NOT verified"));
        for (ImportReport.LineError e : r.errors()) {
          err.println("line " + e.line() + ": " + e.error());
        }
        return r.invalid() > 0 ? 3 : 0;
      }
    }

    private static InputStream open(Path file) throws IOException {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }
  }

  static Instant time(String raw) {
    if (raw == null) {
      return null;
    }
    return raw.length() == 10
        ? LocalDate.parse(raw).atStartOfDay().toInstant(ZoneOffset.UTC)
        : OffsetDateTime.parse(raw).toInstant();
  }
}
