package ai.agentlens.core.transfer;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonSyntaxException;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.OrgStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Imports an export (FR-75, FR-76, FR-78): reads the lines one by one (constant memory), assigns
 * every event to the importing org, skips and reports invalid lines, and writes the events in
 * batches through {@link EventStore#append}, the same write path as ingestion, so sessions, agents,
 * usage and roll-ups stay exact. Events keep their ids, timestamps, payloads and metadata; the
 * chain is re-derived by the writer, which gives the file's sequences and hashes back whenever a
 * session is imported whole into an org that did not hold it (the org id is not hashed) — any
 * difference is reported. Re-importing changes nothing: stored ids are skipped as duplicates.
 * Records are rate-limited per org; at the limit the import stops and says where to resume.
 * Configuration lines (guardrail rules, budgets, alert and incident rules, agent settings) are
 * validated as their APIs validate them and stored under their ids unless the org has them.
 *
 * <p>The AgentLens TypeScript server's NDJSON export (reference §6, records typed by {@code _type})
 * is read too: its events keep their recipe-2 hashes when their chain links here ({@link
 * AgentLensEventLine}); its agents, sessions, health scores and config are counted as derived.
 */
public final class OrgImport {

  /** Most line errors reported. */
  public static final int MAX_ERRORS = 100;

  static final int BATCH = 500;

  // why: lanes write while the caller's thread reads and parses; at 1M events PostgreSQL stored
  // 13,400/s with one lane, 18,500 with two, 24,800 with four; SQLite 31,000 → 38,000 from two on
  static final int LANES = 4;

  /** AgentLens NDJSON record types re-derived from the events (or not carried over). */
  private static final java.util.Set<Object> AGENTLENS_DERIVED =
      java.util.Set.of(
          "agentlens:agent", "agentlens:session", "agentlens:health_score", "agentlens:config");

  private final EventStore events;
  private final OrgStore orgs;
  private final OrgDirectory directory;
  private final OrgConfig config;
  private final Consumer<String> configChanged;
  private final RateLimiter limiter;
  private final int recordsPerMinute;
  private final int chunk;

  /**
   * Creates the use case.
   *
   * @param events the event log
   * @param orgs the orgs, whose settings a {@code settings} line restores
   * @param directory the cached org directory to refresh after a settings line, or {@code null}
   * @param config the configuration stores
   * @param configChanged told the org once an import stored configuration (caches forget it)
   * @param limiter the rate limiter shared by the deployment's instances
   * @param recordsPerMinute records one org may import per minute (10,000 by default)
   */
  public OrgImport(
      EventStore events,
      OrgStore orgs,
      OrgDirectory directory,
      OrgConfig config,
      Consumer<String> configChanged,
      RateLimiter limiter,
      int recordsPerMinute) {
    this.events = events;
    this.orgs = orgs;
    this.directory = directory;
    this.config = config;
    this.configChanged = configChanged;
    this.limiter = limiter;
    this.recordsPerMinute = recordsPerMinute;
    this.chunk = Math.max(1, Math.min(BATCH, recordsPerMinute / 10));
  }

  /**
   * Imports lines into an org.
   *
   * @param orgId the importing org (the caller has checked the right to write it)
   * @param in the JSONL stream (already decompressed); read to the end or to the rate limit
   * @param fromLine the first line to import (1-based; earlier lines are only read)
   * @param progress told the number of events stored so far after each batch
   * @return the report
   * @throws IOException when reading fails
   */
  public ImportReport importLines(
      String orgId, InputStream in, long fromLine, LongConsumer progress) throws IOException {
    Run run = new Run(orgId, Math.max(1, fromLine), progress);
    BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    String line;
    long n = 0;
    try {
      while ((line = r.readLine()) != null) {
        n++;
        if (!run.line(n, line)) {
          break;
        }
      }
      run.flush();
    } finally {
      run.lanes.close();
    }
    if (run.configImported > 0) {
      configChanged.accept(orgId);
    }
    return run.report();
  }

  /** The state of one import. */
  private final class Run {
    private final String orgId;
    private final long fromLine;
    private final LongConsumer progress;
    private final String bucket;
    private final ImportChecksum checksum = new ImportChecksum();
    private final ImportLanes lanes;
    private final List<ImportReport.LineError> errors = new ArrayList<>();
    private long lines;
    private long invalid;
    private long derived;
    private long permits;
    private boolean checksumVerified;
    private long resumeFromLine;
    private long retryAfter;
    private boolean agentLens;
    private boolean settingsImported;
    private long configImported;
    private long configUnchanged;

    Run(String orgId, long fromLine, LongConsumer progress) {
      this.orgId = orgId;
      this.fromLine = fromLine;
      this.progress = progress;
      this.bucket = "import:" + orgId;
      this.lanes = new ImportLanes(events, orgId, LANES, BATCH, progress);
    }

    /** Handles one line; false to stop (rate limit). */
    boolean line(long number, String text) {
      // why: the checksum is only checked when the whole file is read (fromLine 1), so earlier
      // lines need not be hashed; a line is known to be the checksum line only once parsed
      if (number < fromLine) {
        return true;
      }
      lines++;
      if (text.isBlank()) {
        checksum.add(text);
        return true;
      }
      JsonObject o;
      try {
        o = JsonReader.readObject(text);
      } catch (JsonSyntaxException e) {
        checksum.add(text);
        error(number, "not a JSON object: " + e.getMessage());
        return true;
      }
      if (!"checksum".equals(o.get("kind")) && !"checksum".equals(o.get("_type"))) {
        checksum.add(text);
      }
      Object kind = o.get("kind");
      if (kind == null && o.get("_type") instanceof String t) {
        // why: the AgentLens TypeScript server's NDJSON names the record type "_type" (reference
        // §6)
        kind = "agentlens:" + t;
        agentLens = true;
      }
      if ("agentlens:checksum".equals(kind)) {
        kind = "checksum";
      } else if (kind != null && AGENTLENS_DERIVED.contains(kind)) {
        derived++;
        return true;
      }
      if ("header".equals(kind)) {
        if (!(o.get("formatVersion") instanceof JsonNumber v) || v.longValue() != 1) {
          error(number, "header: formatVersion " + o.get("formatVersion") + " is not supported");
        }
        return true;
      }
      if ("settings".equals(kind)) {
        try {
          SettingsLine.apply(orgs, directory, orgId, SettingsLine.read(o));
          settingsImported = true;
        } catch (InvalidInputException e) {
          error(number, e.getMessage());
        }
        return true;
      }
      if (kind instanceof String k && ConfigLines.KINDS.contains(k)) {
        try {
          if (ConfigLines.restore(config, orgId, k, o)) {
            configImported++;
          } else {
            configUnchanged++;
          }
        } catch (InvalidInputException e) {
          error(number, e.getMessage());
        }
        return true;
      }
      if ("agent".equals(kind) || "session".equals(kind)) {
        derived++;
        return true;
      }
      if ("checksum".equals(kind)) {
        checksumVerified = fromLine == 1 && checksum.matches(o.get("sha256"));
        if (fromLine == 1 && !checksumVerified) {
          error(number, "checksum: the lines before it do not hash to its sha256");
        }
        return true;
      }
      if (!"event".equals(kind) && !"agentlens:event".equals(kind)) {
        error(
            number,
            agentLens
                ? "_type: one of agent, session, event, health_score, config, checksum"
                : "kind: one of header, settings, "
                    + String.join(", ", new java.util.TreeSet<>(ConfigLines.KINDS))
                    + ", agent, session, event, checksum");
        return true;
      }
      if (permits == 0) {
        RateLimiter.Decision d = limiter.acquire(bucket, chunk, recordsPerMinute);
        if (!d.allowed()) {
          resumeFromLine = number;
          retryAfter = d.retryAfterSeconds();
          return false;
        }
        permits = chunk;
      }
      permits--;
      EventLine event;
      try {
        event = "event".equals(kind) ? EventLine.read(orgId, o) : AgentLensEventLine.read(orgId, o);
      } catch (InvalidInputException e) {
        error(number, e.getMessage());
        return true;
      }
      lanes.add(event, number);
      return true;
    }

    /** Writes what is queued and gives back the rate-limit permits not used. */
    void flush() {
      lanes.finish();
      if (permits > 0 && resumeFromLine == 0) {
        limiter.release(bucket, (int) permits, recordsPerMinute);
        permits = 0;
      }
    }

    private void error(long line, String message) {
      invalid++;
      if (errors.size() < MAX_ERRORS) {
        errors.add(new ImportReport.LineError(line, message));
      }
    }

    ImportReport report() {
      List<ImportReport.LineError> all = new ArrayList<>(errors);
      all.addAll(lanes.errors());
      all.sort(java.util.Comparator.comparingLong(ImportReport.LineError::line));
      return new ImportReport(
          lines,
          lanes.imported(),
          lanes.duplicates(),
          invalid,
          derived,
          lanes.rechained(),
          all.subList(0, Math.min(MAX_ERRORS, all.size())),
          checksumVerified,
          resumeFromLine > 0,
          resumeFromLine,
          retryAfter,
          settingsImported,
          configImported,
          configUnchanged);
    }
  }
}
