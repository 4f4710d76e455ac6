package ai.agentlens.bench;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQLite writer's cost per event when each commit's events are spread over many sessions, as
 * the {@code LoadGenerator} spreads them: {@code EventStore.append} of {@code commit} realistic
 * events at random sessions of {@code sessions}, one append (one transaction, one commit) after the
 * other from one thread, on a file that already holds {@code preload} such events. No HTTP, no
 * queue and no load generator on the same cores, so two builds can be compared in minutes.
 *
 * <p>Usage: {@code SessionSpreadWrite [preload=600000] [sessions=2000] [commit=230] [seconds=30]
 * [uuid]}. Prints per stored event: wall µs, the writer thread's CPU µs, and the KiB the process
 * handed to write calls (WAL and checkpoints); and the file's size. Linux only. With {@code
 * -Ddrop=index[,index]} those indexes are dropped after the preload: the upper bound of what an
 * index costs the writer, for comparing against the same run without the property.
 */
public final class SessionSpreadWrite {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private SessionSpreadWrite() {}

  /**
   * Runs the benchmark.
   *
   * @param args preload, sessions, commit size, seconds
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int preload = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int commit = args.length > 2 ? Integer.parseInt(args[2]) : 230;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    // "uuid": session ids as the SDKs mint them (36 characters) instead of "bench-spread-s123"
    boolean uuids = args.length > 4 && args[4].equals("uuid");
    String[] ids = new String[sessions];
    for (int i = 0; i < sessions; i++) {
      ids[i] =
          uuids
              ? UUID.nameUUIDFromBytes(("s" + i).getBytes(StandardCharsets.UTF_8)).toString()
              : "bench-spread-s" + i;
    }
    Path dir = Files.createTempDirectory("session-spread-");
    Path file = dir.resolve("agentlens.db");
    RealisticEvents payloads = new RealisticEvents(7, "spread");
    long[] n = {0};
    try (SqliteStorageProvider p =
        SqliteStorageProvider.open(new SqliteConfig(file, 2, Clock.fixed(T0)))) {
      p.stores()
          .orgs()
          .create(new Org("default", "default", "Default", Plan.PRO, OrgSettings.defaults(90), T0));
      for (int done = 0; done < preload; done += 2_000) {
        p.stores().events().append(batch(payloads, n, ids, 2_000));
        if (done % 100_000 == 0) {
          System.out.printf("preloaded %,d events%n", done);
        }
      }
      // why: the names come from the benchmark's own command line; DDL takes no bound parameters
      String drop = System.getProperty("drop");
      if (drop != null) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
            var st = c.createStatement()) {
          st.execute("pragma busy_timeout = 10000");
          for (String ix : drop.split(",")) {
            st.execute("drop index " + ix);
          }
        }
        System.out.println("dropped " + drop);
      }
      // warm-up: the JIT and the page cache, not measured
      long warmEnd = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < warmEnd) {
        p.stores().events().append(batch(payloads, n, ids, commit));
      }
      long stored = 0;
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long writer = writerThreadId();
      long cpu0 = mx.getThreadCpuTime(writer);
      long wchar0 = wchar();
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      // why: this VM's steal time inflates whole runs by up to half; the quietest one-second
      // windows of a run compare two builds far better than its mean
      List<Double> windows = new ArrayList<>();
      while (System.nanoTime() < end) {
        long w0 = mx.getThreadCpuTime(writer);
        long n0 = stored;
        long windowEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < windowEnd) {
          stored += p.stores().events().append(batch(payloads, n, ids, commit)).stored().size();
        }
        windows.add((mx.getThreadCpuTime(writer) - w0) / 1_000.0 / (stored - n0));
      }
      double micros = (System.nanoTime() - start) / 1_000.0 / stored;
      double writerMicros = (mx.getThreadCpuTime(writer) - cpu0) / 1_000.0 / stored;
      double kib = (wchar() - wchar0) / 1024.0 / stored;
      windows.sort(null);
      System.out.printf(
          "RESULT preload=%d sessions=%d commit=%d stored=%d us_per_event=%.1f"
              + " writer_cpu_us_per_event=%.1f (1 s windows: min %.1f, quartile %.1f, median %.1f)"
              + " written_kib_per_event=%.2f events_per_s=%.0f file_mb=%.0f%n",
          preload,
          sessions,
          commit,
          stored,
          micros,
          writerMicros,
          windows.get(0),
          windows.get(windows.size() / 4),
          windows.get(windows.size() / 2),
          kib,
          1e6 / micros,
          Files.size(file) / 1e6);
    }
  }

  /**
   * Finds the SQLite writer thread of a store opened in this JVM.
   *
   * @return its thread id
   */
  static long writerThreadId() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("sqlite-writer"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no sqlite-writer thread"))
        .getId();
  }

  /** Bytes this process handed to write calls so far ({@code /proc/self/io}, Linux). */
  private static long wchar() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
      if (line.startsWith("wchar:")) {
        return Long.parseLong(line.substring(6).trim());
      }
    }
    throw new IllegalStateException("no wchar in /proc/self/io");
  }

  private static EventBatch batch(RealisticEvents payloads, long[] n, String[] ids, int size) {
    return batch("default", payloads, n, ids, size);
  }

  /**
   * Realistic tool-call events of one org at random sessions, with ids counted from {@code n}.
   *
   * @param org the org
   * @param payloads the payload source
   * @param n the next event number, advanced
   * @param ids the session ids to pick from
   * @param size the number of events
   * @return the batch
   */
  static EventBatch batch(String org, RealisticEvents payloads, long[] n, String[] ids, int size) {
    List<Event> events = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long id = n[0]++;
      String callId = payloads.callId();
      events.add(
          Event.unwritten(
              String.format("01JBENCH%018d", id),
              org,
              ids[payloads.random().nextInt(ids.length)],
              "agent-" + payloads.random().nextInt(20),
              EventType.TOOL_CALL,
              Severity.INFO,
              T0.plusMillis(id),
              payloads.toolCall(callId, RealisticEvents.TOOLS[(int) (id % 4)]),
              "{\"env\":\"bench\"}"));
    }
    return new EventBatch(org, null, events);
  }
}
