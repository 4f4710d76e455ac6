package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.ratelimit.InMemoryRateLimiter;
import ai.agentlens.core.transfer.ImportReport;
import ai.agentlens.core.transfer.OrgConfig;
import ai.agentlens.core.transfer.OrgExport;
import ai.agentlens.core.transfer.OrgImport;
import ai.agentlens.storage.spi.StorageProvider;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Export and import throughput below HTTP (issue 15; targets: export at least 50,000 records/s,
 * import at least 20,000 records/s when not rate-limited): stores {@code events} events of one org
 * (sessions of 100, a realistic tool-call payload) through the backend's {@code EventStore}, then
 * times {@link OrgExport} writing the org to a file and {@link OrgImport} reading that file into a
 * second org (the write path of ingestion; the rate limit set out of reach), and prints records/s.
 *
 * <pre>
 * java -cp $CP ai.agentlens.bench.ExportImportBenchmark [events=1000000] [sqlite|postgres]
 * </pre>
 */
public final class ExportImportBenchmark {

  private ExportImportBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args events, backend
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    int events = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
    String backend = args.length > 1 ? args[1] : "sqlite";
    Clock clock = Clock.system();
    Path dir = Files.createTempDirectory("agentlens-export-import-");
    try (StorageProvider p = BenchStores.open(backend, clock, dir)) {
      for (String o : List.of("org_exportbench", "org_importbench")) {
        p.stores()
            .orgs()
            .create(
                new Org(
                    o,
                    o.replace('_', '-'),
                    o,
                    Plan.SELF_HOSTED,
                    OrgSettings.defaults(3650),
                    clock.now()));
      }
      long t0 = System.nanoTime();
      BenchStores.loadToolCalls(
          p, "org_exportbench", events, Instant.parse("2026-11-01T00:00:00Z"));
      report("load (EventStore.append, batches of 500)", events, t0, backend);

      Path file = dir.resolve("export.jsonl");
      OrgExport export =
          new OrgExport(
              p.stores().events(),
              p.stores().sessions(),
              p.stores().agents(),
              p.stores().orgs(),
              OrgConfig.of(p.stores(), p.alerting(), p.incidents()),
              clock);
      t0 = System.nanoTime();
      long written;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        written = export.export("org_exportbench", null, null, out, n -> {});
      }
      report("export (" + Files.size(file) / 1_000_000 + " MB)", written, t0, backend);

      OrgImport importer =
          new OrgImport(
              p.stores().events(),
              p.stores().orgs(),
              null,
              OrgConfig.of(p.stores(), p.alerting(), p.incidents()),
              org -> {},
              new InMemoryRateLimiter(clock),
              Integer.MAX_VALUE);
      t0 = System.nanoTime();
      ImportReport r;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        r = importer.importLines("org_importbench", in, 1, n -> {});
      }
      report("import", r.imported(), t0, backend);
      if (r.imported() != events || r.invalid() != 0 || r.rechained() != 0) {
        throw new IllegalStateException("import incomplete: " + r);
      }
      System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  private static void report(String what, long records, long t0, String backend) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "%s %s: %,d records in %.1f s = %,.0f records/s%n", backend, what, records, s, records / s);
  }
}
