package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.llm.LlmRequestLog;
import ai.agentlens.core.llm.LlmRequestRecorder;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.risk.RiskScorer;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite writer's cost per LLM event of the LLM request log (the recorder's runs), apart from
 * ingest: stores {@code preload} LLM events and logs them, then stores {@code backlog} more with
 * the recorder stopped and times {@link LlmRequestRecorder#drain} of that backlog from one thread.
 * Events are {@code llm_call} and {@code llm_response} with the {@code LoadGenerator}'s payloads;
 * {@code unpaired} gives each a call id of its own (the generator's worst case), {@code paired}
 * stores each call's response later in the same backlog (the SDK's case, mostly in another run).
 *
 * <p>Usage: {@code LlmLogWrite [preload=200000] [backlog=100000] [unpaired|paired]}. Prints the
 * writer thread's CPU µs and the wall µs per LLM event logged. Linux only (thread CPU time). To see
 * what a part of the schema costs, {@code LLMLOG_SQL} may hold statements (separated by {@code ;})
 * run on the file between the preload and the timed drain, e.g. {@code drop trigger
 * llm_requests_fts_insert} — a measuring aid only: the file is a temporary one.
 */
public final class LlmLogWrite {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private LlmLogWrite() {}

  /**
   * Runs the benchmark.
   *
   * @param args preload, backlog, pairing
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int preload = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    boolean paired = args.length > 2 && args[2].equals("paired");
    Path dir = Files.createTempDirectory("llm-log-write-");
    RealisticEvents payloads = new RealisticEvents(11, "llm");
    long[] n = {0};
    List<String> open = new ArrayList<>();
    try (SqliteStorageProvider p =
        SqliteStorageProvider.open(
            new SqliteConfig(dir.resolve("agentlens.db"), 2, Clock.fixed(T0)))) {
      p.stores()
          .orgs()
          .create(new Org("default", "default", "Default", Plan.PRO, OrgSettings.defaults(90), T0));
      p.llmLogInbox().open(true);
      LlmRequestRecorder recorder =
          new LlmRequestRecorder(
              new LlmRequestLog(p.llmRequests(), new RiskScorer()), p.llmLogInbox());
      for (int done = 0; done < preload; done += 2_000) {
        p.stores().events().append(batch(payloads, n, paired, open, 2_000));
        recorder.drain(Integer.MAX_VALUE);
      }
      System.out.printf("preloaded %,d LLM events%n", preload);
      alter(dir.resolve("agentlens.db"), System.getenv("LLMLOG_SQL"));
      for (int done = 0; done < backlog; done += 2_000) {
        p.stores().events().append(batch(payloads, n, paired, open, 2_000));
      }
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long writer = SessionSpreadWrite.writerThreadId();
      long cpu0 = mx.getThreadCpuTime(writer);
      long start = System.nanoTime();
      int logged = recorder.drain(Integer.MAX_VALUE);
      long wall = System.nanoTime() - start;
      long cpu = mx.getThreadCpuTime(writer) - cpu0;
      System.out.printf(
          "RESULT %s preload=%d backlog=%d logged=%d writer_cpu_us_per_event=%.1f"
              + " wall_us_per_event=%.1f events_per_s=%.0f%n",
          paired ? "paired" : "unpaired",
          preload,
          backlog,
          logged,
          cpu / 1_000.0 / logged,
          wall / 1_000.0 / logged,
          logged * 1e9 / wall);
    }
  }

  private static void alter(Path file, String statements) throws java.sql.SQLException {
    if (statements == null || statements.isBlank()) {
      return;
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      for (String q : statements.split(";")) {
        if (!q.isBlank()) {
          System.out.println("altered: " + q.trim());
          st.execute(q);
        }
      }
    }
  }

  // paired: each call's response comes ~1,000 events later (a few runs later, as an SDK's would)
  private static EventBatch batch(
      RealisticEvents payloads, long[] n, boolean paired, List<String> open, int size) {
    List<Event> events = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long id = n[0]++;
      int model = (int) (id % RealisticEvents.MODELS.length);
      boolean call = paired ? open.size() < 1_000 || id % 2 == 0 : id % 2 == 0;
      String callId = paired && !call ? open.remove(0) : payloads.callId();
      if (paired && call) {
        open.add(callId);
      }
      events.add(
          Event.unwritten(
              String.format("01JLLM%020d", id),
              "default",
              "s-" + payloads.random().nextInt(2_000),
              "agent-" + payloads.random().nextInt(20),
              call ? EventType.LLM_CALL : EventType.LLM_RESPONSE,
              Severity.INFO,
              T0.plusMillis(id),
              call ? payloads.llmCall(callId, model) : payloads.llmResponse(callId, model, false),
              "{\"env\":\"bench\"}"));
    }
    return new EventBatch("default", null, events);
  }
}
