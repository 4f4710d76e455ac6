package ai.agentlens.core.benchmark;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.benchmark.BenchmarkStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The A/B benchmark use case (reference §4.3.5) the API, the dashboard and MCP share: create, read,
 * move through the lifecycle, delete, and results (computed live until the benchmark completes;
 * computed once and cached when it completes). A plain class, thread-safe; errors are {@link
 * InvalidBenchmarkException} (400), {@link TransitionRefusedException} (409) and the stores'.
 */
public final class Benchmarks {

  /** At most this many sessions are read per variant. */
  public static final int MAX_SESSIONS = 10_000;

  private final BenchmarkStore store;
  private final SessionStore sessions;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Creates the use case.
   *
   * @param store benchmarks and cached results
   * @param sessions the sessions the variants select
   * @param clock time
   * @param ids new ids
   */
  public Benchmarks(
      BenchmarkStore store, SessionStore sessions, Clock clock, Supplier<String> ids) {
    this.store = store;
    this.sessions = sessions;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Creates a draft benchmark from a body.
   *
   * @param orgId the org
   * @param body the JSON body, or {@code null}
   * @return the stored draft
   * @throws InvalidBenchmarkException when the body breaks the rules
   */
  public Benchmark create(String orgId, JsonObject body) {
    Benchmark b = BenchmarkParser.parse(body, ids.get(), orgId, clock.now());
    store.create(b);
    return b;
  }

  /**
   * Lists an org's benchmarks, newest first.
   *
   * @param orgId the org
   * @param status only this status, or {@code null}
   * @return the benchmarks
   */
  public List<Benchmark> list(String orgId, BenchmarkStatus status) {
    return store.list(orgId, status);
  }

  /**
   * Reads one benchmark.
   *
   * @param orgId the org
   * @param id the benchmark
   * @return it, or empty (also for another org's id)
   */
  public Optional<Benchmark> find(String orgId, String id) {
    return store.find(orgId, id);
  }

  /**
   * Moves a benchmark to another status; completing it computes and caches its results.
   *
   * @param orgId the org
   * @param id the benchmark
   * @param to the wanted status
   * @return the changed benchmark, or empty when the org has none with this id
   * @throws TransitionRefusedException when the lifecycle does not allow the change (or another
   *     change won a race)
   */
  public Optional<Benchmark> move(String orgId, String id, BenchmarkStatus to) {
    Optional<Benchmark> found = store.find(orgId, id);
    if (found.isEmpty()) {
      return found;
    }
    Benchmark b = found.get();
    if (!b.status().canMoveTo(to)) {
      throw new TransitionRefusedException(b.status(), to);
    }
    Instant now = clock.now();
    if (!store.transition(orgId, id, b.status(), to, now)) {
      throw new TransitionRefusedException(b.status(), to);
    }
    Benchmark moved = b.moved(to, now);
    if (to == BenchmarkStatus.COMPLETED) {
      store.saveResults(orgId, id, JsonWriter.write(compute(moved)), now);
    }
    return Optional.of(moved);
  }

  /**
   * Deletes a benchmark and its cached results.
   *
   * @param orgId the org
   * @param id the benchmark
   * @return {@code true} when it existed
   */
  public boolean delete(String orgId, String id) {
    return store.delete(orgId, id);
  }

  /**
   * Returns a benchmark's results document: the cached one once completed, else computed now.
   *
   * @param orgId the org
   * @param id the benchmark
   * @return the JSON document, or empty when the org has no such benchmark
   */
  public Optional<String> results(String orgId, String id) {
    Optional<Benchmark> found = store.find(orgId, id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Benchmark b = found.get();
    if (b.status() == BenchmarkStatus.COMPLETED) {
      Optional<String> cached = store.results(orgId, id);
      if (cached.isPresent()) {
        return cached;
      }
      String json = JsonWriter.write(compute(b));
      store.saveResults(orgId, id, json, clock.now());
      return Optional.of(json);
    }
    return Optional.of(JsonWriter.write(compute(b)));
  }

  private JsonObject compute(Benchmark b) {
    List<List<Session>> perVariant = new ArrayList<>();
    for (Variant v : b.variants()) {
      perVariant.add(sessionsOf(b, v));
    }
    return BenchmarkResults.compute(b, perVariant, clock.now());
  }

  private List<Session> sessionsOf(Benchmark b, Variant v) {
    String agent = v.agentId() != null ? v.agentId() : b.agentId();
    List<Session> out = new ArrayList<>();
    int page = EventQuery.MAX_LIMIT;
    while (out.size() < MAX_SESSIONS) {
      List<Session> got =
          sessions.list(
              b.orgId(),
              new SessionQuery(
                  agent, Set.of(), b.from(), b.to(), List.of(v.tag()), null, page, out.size()));
      out.addAll(got);
      if (got.size() < page) {
        break;
      }
    }
    return out.size() > MAX_SESSIONS ? out.subList(0, MAX_SESSIONS) : out;
  }
}
