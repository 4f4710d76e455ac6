package ai.agentlens.bench;

import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.enrich.EventEnrichment;
import ai.agentlens.core.enrich.RedactionRules;
import ai.agentlens.core.event.CheckedEvent;
import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.ingest.validation.IngestRequestParser;
import ai.agentlens.core.session.AgentSighting;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionProjection;
import ai.agentlens.queue.spi.EnvelopeCodec;
import ai.agentlens.queue.spi.EnvelopeDecodingException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * CPU per event of the ingest hot path without I/O, on realistic batches ({@link RealisticEvents},
 * 100 events per request): the gateway's parse and validation, and the worker's enrichment, storage
 * checks, hash chain and session projection (what {@code JdbcEventStore.append} computes before its
 * SQL), for the in-memory queue (events handed over as objects) and for Redis (envelope encoded by
 * the gateway, decoded by the worker). Single thread; CPU time of that thread, so other processes
 * on a shared machine disturb it less than wall time.
 *
 * <p>Usage: {@code IngestCpuBenchmark [seconds per phase, default 20] [requests, default 200]
 * [phase filter: only phases whose name contains it]}.
 */
public final class IngestCpuBenchmark {

  private static final String ORG = "org_bench";
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final OrgSettings SETTINGS = OrgSettings.defaults(30);

  private IngestCpuBenchmark() {}

  /**
   * Runs every phase and prints one line per phase.
   *
   * @param args seconds per phase, number of distinct requests, phase filter
   * @throws EnvelopeDecodingException never for envelopes encoded here
   */
  public static void main(String[] args) throws EnvelopeDecodingException {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    only = args.length > 2 ? args[2] : "";
    RealisticEvents gen = new RealisticEvents(42, "cpu");
    byte[][] bodies = new byte[requests][];
    for (int i = 0; i < requests; i++) {
      bodies[i] = gen.batch(100, 2000).getBytes(StandardCharsets.UTF_8);
    }
    List<List<Event>> parsed = new ArrayList<>();
    for (byte[] b : bodies) {
      parsed.add(gateway(b));
    }
    byte[][] encoded = new byte[requests][];
    for (int i = 0; i < requests; i++) {
      encoded[i] = EnvelopeCodec.encode(envelope(i, parsed.get(i)));
    }
    int events = requests * 100;
    System.out.printf(
        Locale.ROOT,
        "%d requests × 100 events, %.0f bytes per event, %d s per phase%n",
        requests,
        (double) total(bodies) / events,
        seconds);
    run("gateway parse+validate", seconds, events, i -> gateway(bodies[i % requests]).size());
    run(
        "gateway parse+validate+encode",
        seconds,
        events,
        i -> EnvelopeCodec.encode(envelope(i, gateway(bodies[i % requests]))).length);
    Worker inMemory = new Worker();
    run(
        "worker enrich+validate+hash+project (in-memory queue)",
        seconds,
        events,
        i -> inMemory.process(parsed.get(i % requests)));
    Worker redis = new Worker();
    run(
        "worker decode+enrich+validate+hash+project (Redis)",
        seconds,
        events,
        i -> {
          try {
            return redis.process(EnvelopeCodec.decode(encoded[i % requests]).events());
          } catch (EnvelopeDecodingException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static List<Event> gateway(byte[] body) {
    return PARSER.parse(body, IngestRequestParser.Shape.EVENTS, ORG, NOW);
  }

  private static final IngestRequestParser PARSER = new IngestRequestParser(new Ids());

  /** Event ids like the gateway's: unique per call. */
  private static final class Ids implements java.util.function.Supplier<String> {
    private long n;

    @Override
    public String get() {
      return "01JBENCH" + (n++);
    }
  }

  private static Envelope envelope(int i, List<Event> events) {
    return new Envelope("env-" + i, ORG, "key", NOW, events);
  }

  /** What the worker and the store compute per batch, without SQL. */
  private static final class Worker {
    private final Map<String, Session> sessions = new HashMap<>();

    long process(List<Event> events) {
      RedactionRules rules = RedactionRules.NONE;
      Map<String, List<CheckedEvent>> bySession = new LinkedHashMap<>();
      for (Event e : events) {
        CheckedEvent c = EventRules.validate(ORG, EventEnrichment.apply(e, SETTINGS, rules));
        bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(c);
      }
      long sink = 0;
      List<Event> stored = new ArrayList<>(events.size());
      for (Map.Entry<String, List<CheckedEvent>> s : bySession.entrySet()) {
        List<CheckedEvent> checked = s.getValue();
        Session session =
            sessions.computeIfAbsent(
                s.getKey(), k -> SessionProjection.empty(checked.get(0).event()));
        List<Event> chained =
            HashChain.extendChecked(session.lastSequence(), session.lastHash(), checked);
        for (int i = 0; i < chained.size(); i++) {
          session = SessionProjection.apply(session, chained.get(i), checked.get(i).payload());
        }
        sessions.put(s.getKey(), session);
        stored.addAll(chained);
        sink += session.eventCount();
      }
      return sink + AgentSighting.of(stored).size();
    }
  }

  private static String only = "";

  private static void run(String name, int seconds, int events, ToLongFunction<Integer> request) {
    if (!name.contains(only)) {
      return;
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int perRound = events / 100;
    long sink = 0;
    long warmUntil = System.nanoTime() + seconds * 1_000_000_000L / 3;
    for (int i = 0; System.nanoTime() < warmUntil; i++) {
      sink += request.applyAsLong(i);
    }
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    long end = System.nanoTime() + seconds * 2_000_000_000L / 3;
    while (System.nanoTime() < end || cpu.size() < 3) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        sink += request.applyAsLong(i);
      }
      cpu.add((mx.getCurrentThreadCpuTime() - c0) / (double) events);
      wall.add((System.nanoTime() - w0) / (double) events);
    }
    System.out.printf(
        Locale.ROOT,
        "%-55s CPU %6.2f µs/event (median of %d rounds, min %.2f), wall %6.2f µs/event [%d]%n",
        name,
        QueueBenchmark.median(cpu) / 1e3,
        cpu.size(),
        cpu.stream().mapToDouble(Double::doubleValue).min().orElse(0) / 1e3,
        QueueBenchmark.median(wall) / 1e3,
        sink % 10);
  }

  private static long total(byte[][] bodies) {
    long n = 0;
    for (byte[] b : bodies) {
      n += b.length;
    }
    return n;
  }
}
