package ai.agentlens.bench;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.queue.inmemory.InMemoryEventQueue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The in-memory queue's crash window: how long an envelope lives only in memory, from publish until
 * a consumer acknowledged it (the stage completes). Measured on the self-hosted request path: 16
 * publishers that each wait for their envelope to be stored, as gateway requests do.
 */
final class CrashWindow {

  private CrashWindow() {}

  static void report(Envelope[] envelopes, int batch, int total, int consumers, int runs)
      throws Exception {
    long[] all = new long[0];
    double rate = 0;
    for (int run = 0; run < runs; run++) {
      var q = new InMemoryEventQueue(QueueBenchmark.settings("x:", null, total, 1));
      var s = new QueueScenarios.ThroughPort(q, envelopes, batch, true, total);
      try (s) {
        rate += QueueLoad.run(s, total, 16, consumers) / runs;
      }
      long[] lat = s.storedNanos();
      long[] merged = Arrays.copyOf(all, all.length + lat.length);
      System.arraycopy(lat, 0, merged, all.length, lat.length);
      all = merged;
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "%nin-memory crash window (16 waiting publishers, %d consumers, %d envelopes × %d runs,"
            + " %.0f envelopes/s): publish→stored p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        consumers,
        total,
        runs,
        rate,
        pct(all, 0.50),
        pct(all, 0.99),
        all[all.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
