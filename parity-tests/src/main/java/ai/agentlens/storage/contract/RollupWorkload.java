package ai.agentlens.storage.contract;

import ai.agentlens.core.analytics.LlmUsage;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Randomized events for the roll-up contract, generated from a seed, with the expected aggregates
 * recomputed here independently of the storage code: each generated event keeps the facts its
 * payload states (provider, model, tokens, cost, latency), so the suite compares what the store
 * reports with plain sums over the distinct events.
 */
final class RollupWorkload {

  /** One generated event and what it should add. */
  record Gen(
      Event event,
      boolean llm,
      String provider,
      String model,
      double cost,
      long in,
      long out,
      Double latency,
      boolean error,
      boolean tool) {}

  static final Instant BASE = Instant.parse("2026-04-10T00:00:00Z");
  static final int DAYS = 5;

  private static final String[] PROVIDERS = {"openai", "anthropic", "", null};
  private static final String[] MODELS = {"gpt-4o", "mini", "claude", null};
  private static final EventType[] OTHER = {
    EventType.TOOL_CALL,
    EventType.TOOL_ERROR,
    EventType.SESSION_STARTED,
    EventType.SESSION_ENDED,
    EventType.CUSTOM,
    EventType.ERROR
  };

  final List<Gen> distinct = new ArrayList<>();
  final List<List<EventBatch>> calls = new ArrayList<>();

  /**
   * Generates events for the orgs and cuts them into append calls, some retried, some batches
   * carrying an event twice, timestamps shuffled across days.
   */
  RollupWorkload(Random r, List<String> orgs, int events) {
    for (int i = 0; i < events; i++) {
      distinct.add(gen(r, orgs.get(r.nextInt(orgs.size())), i));
    }
    List<Gen> order = new ArrayList<>(distinct);
    Collections.shuffle(order, r);
    Map<String, java.util.ArrayDeque<Event>> queues = new TreeMap<>();
    order.forEach(
        g ->
            queues
                .computeIfAbsent(g.event().orgId(), k -> new java.util.ArrayDeque<>())
                .add(g.event()));
    while (!queues.isEmpty()) {
      List<EventBatch> call = new ArrayList<>();
      int batches = 1 + r.nextInt(3);
      for (int b = 0; b < batches && !queues.isEmpty(); b++) {
        List<String> left = new ArrayList<>(queues.keySet());
        String org = left.get(r.nextInt(left.size()));
        java.util.ArrayDeque<Event> q = queues.get(org);
        List<Event> es = new ArrayList<>();
        int n = 1 + r.nextInt(40);
        while (es.size() < n && !q.isEmpty()) {
          es.add(q.poll());
        }
        if (q.isEmpty()) {
          queues.remove(org);
        }
        if (r.nextInt(10) == 0) {
          es.add(es.get(r.nextInt(es.size())));
        }
        call.add(new EventBatch(org, r.nextBoolean() ? "key-1" : null, es));
      }
      calls.add(call);
      if (r.nextInt(5) == 0) {
        calls.add(call);
      }
    }
  }

  private static Gen gen(Random r, String org, int i) {
    Instant ts = BASE.plus((long) (r.nextDouble() * DAYS * 86_400_000_000L), ChronoUnit.MICROS);
    if (r.nextInt(8) == 0) {
      ts = ts.truncatedTo(ChronoUnit.HOURS);
    }
    String agent = "agent-" + r.nextInt(4);
    String session = "s-" + r.nextInt(6);
    Severity sev = Severity.values()[r.nextInt(Severity.values().length)];
    String id = org + "-e" + i;
    if (r.nextInt(10) < 4) {
      String provider = PROVIDERS[r.nextInt(PROVIDERS.length)];
      String model = MODELS[r.nextInt(MODELS.length)];
      long in = r.nextInt(5000);
      long out = r.nextInt(800);
      double cost = r.nextInt(4) == 0 ? 0 : r.nextInt(1000) / 64.0;
      Double latency = r.nextInt(4) == 0 ? null : (double) r.nextInt(9000);
      StringBuilder p = new StringBuilder("{\"callId\":\"c").append(i).append('"');
      if (provider != null) {
        p.append(",\"provider\":\"").append(provider).append('"');
      }
      if (model != null) {
        p.append(",\"model\":\"").append(model).append('"');
      }
      boolean usage = r.nextInt(6) != 0;
      if (usage) {
        p.append(",\"usage\":{\"inputTokens\":").append(in).append(",\"outputTokens\":");
        p.append(out).append(",\"totalTokens\":").append(in + out).append('}');
      }
      p.append(cost > 0 ? ",\"costUsd\":" + cost : r.nextBoolean() ? ",\"costUsd\":\"free\"" : "");
      if (latency != null) {
        p.append(",\"latencyMs\":").append(latency.longValue());
      }
      p.append(",\"finishReason\":\"stop\"}");
      Event e =
          Event.unwritten(
              id, org, session, agent, EventType.LLM_RESPONSE, sev, ts, p.toString(), "{}");
      return new Gen(
          e,
          true,
          provider == null || provider.isEmpty() ? "unknown" : provider,
          model == null ? "unknown" : model,
          cost,
          usage ? in : 0,
          usage ? out : 0,
          latency,
          sev.isError(),
          false);
    }
    EventType type = OTHER[r.nextInt(OTHER.length)];
    Event e =
        Event.unwritten(
            id, org, session, agent, type, sev, ts, "{\"type\":\"t\",\"data\":{}}", "{}");
    return new Gen(
        e,
        false,
        "",
        "",
        0,
        0,
        0,
        null,
        sev.isError() || type == EventType.TOOL_ERROR,
        type == EventType.TOOL_CALL);
  }

  /**
   * Sums the LLM responses of an org matching a filter by (provider, model, bucket) as the store
   * should report them.
   */
  List<String> llmUsage(String org, Predicate<Gen> filter, Function<Instant, Instant> bucketOf) {
    Map<String, double[]> sums = new TreeMap<>();
    for (Gen g : distinct) {
      if (g.llm() && g.event().orgId().equals(org) && filter.test(g)) {
        double[] s =
            sums.computeIfAbsent(
                g.provider() + "/" + g.model() + "@" + bucketOf.apply(g.event().timestamp()),
                k -> new double[6]);
        s[0]++;
        s[1] += g.cost();
        s[2] += g.in();
        s[3] += g.out();
        s[4] += g.latency() == null ? 0 : g.latency();
        s[5] += g.latency() == null ? 0 : 1;
      }
    }
    List<String> out = new ArrayList<>();
    sums.forEach(
        (k, s) -> out.add(line(k, (long) s[0], s[1], (long) s[2], (long) s[3], s[4], (long) s[5])));
    return out;
  }

  static String line(LlmUsage u) {
    return line(
        u.provider() + "/" + u.model() + "@" + u.bucket(),
        u.calls(),
        u.costUsd(),
        u.inputTokens(),
        u.outputTokens(),
        u.latencySumMs(),
        u.latencyCount());
  }

  private static String line(
      String key, long calls, double cost, long in, long out, double latency, long count) {
    return key + " calls=" + calls + " cost=" + cost + " in=" + in + " out=" + out + " lat="
        + latency + "/" + count;
  }
}
