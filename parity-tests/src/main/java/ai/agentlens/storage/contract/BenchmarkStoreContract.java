package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.benchmark.model.Metric;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.port.benchmark.BenchmarkStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link BenchmarkStore} contract: benchmarks round-trip with their metrics, variants and
 * optional fields, list newest first and by status; a status change is a compare-and-set; results
 * are cached, replaced, and go with their benchmark; another org (or none) reads and changes
 * nothing.
 */
public abstract class BenchmarkStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");

  private BenchmarkStore store() {
    return stores.benchmarks();
  }

  private static Benchmark benchmark(String org, String id, Instant at, boolean optionals) {
    return new Benchmark(
        id,
        org,
        "Prompt v2 vs v1",
        optionals ? "does the new prompt cost less?" : null,
        optionals ? "bot" : null,
        List.of(Metric.AVG_COST, Metric.ERROR_RATE),
        optionals ? 50 : 30,
        optionals ? T.minusSeconds(86_400) : null,
        optionals ? T.plusSeconds(86_400) : null,
        BenchmarkStatus.DRAFT,
        List.of(
            new Variant("control", "prompt-v1", null, null),
            new Variant("treatment", "prompt-v2", optionals ? "bot-2" : null, "new prompt")),
        at,
        at,
        null);
  }

  @Test
  void benchmarksRoundTripAndListNewestFirst() {
    String org = newOrg().id();
    Benchmark a = benchmark(org, id("bm"), T, true);
    Benchmark b = benchmark(org, id("bm"), T.plusSeconds(1), false);
    store().create(a);
    store().create(b);
    assertThat(store().find(org, a.id())).contains(a);
    assertThat(store().find(org, b.id())).contains(b);
    assertThat(store().list(org, null)).containsExactly(b, a);
    assertThat(store().list(org, BenchmarkStatus.DRAFT)).containsExactly(b, a);
    assertThat(store().list(org, BenchmarkStatus.RUNNING)).isEmpty();
    assertThatThrownBy(() -> store().create(a)).isInstanceOf(ConflictException.class);
  }

  @Test
  void statusChangesAreCompareAndSet() {
    String org = newOrg().id();
    Benchmark a = benchmark(org, id("bm"), T, false);
    store().create(a);
    Instant t1 = T.plusSeconds(60);
    assertThat(store().transition(org, a.id(), BenchmarkStatus.DRAFT, BenchmarkStatus.RUNNING, t1))
        .isTrue();
    assertThat(store().transition(org, a.id(), BenchmarkStatus.DRAFT, BenchmarkStatus.RUNNING, t1))
        .as("a second change from the same status loses")
        .isFalse();
    assertThat(store().find(org, a.id())).contains(a.moved(BenchmarkStatus.RUNNING, t1));
    Instant t2 = T.plusSeconds(120);
    assertThat(
            store().transition(org, a.id(), BenchmarkStatus.RUNNING, BenchmarkStatus.COMPLETED, t2))
        .isTrue();
    Benchmark done = store().find(org, a.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(BenchmarkStatus.COMPLETED);
    assertThat(done.completedAt()).isEqualTo(t2);
    assertThat(done.updatedAt()).isEqualTo(t2);
    assertThat(store().list(org, BenchmarkStatus.COMPLETED)).containsExactly(done);
  }

  @Test
  void resultsAreCachedReplacedAndDeletedWithTheBenchmark() {
    String org = newOrg().id();
    Benchmark a = benchmark(org, id("bm"), T, false);
    store().create(a);
    assertThat(store().results(org, a.id())).isEmpty();
    store().saveResults(org, a.id(), "{\"v\":1}", T);
    store().saveResults(org, a.id(), "{\"v\":2,\"s\":\"★★\"}", T.plusSeconds(1));
    assertThat(store().results(org, a.id())).contains("{\"v\":2,\"s\":\"★★\"}");
    store().saveResults(org, "missing", "{}", T);
    assertThat(store().results(org, "missing")).isEmpty();
    assertThat(store().delete(org, a.id())).isTrue();
    assertThat(store().delete(org, a.id())).isFalse();
    assertThat(store().results(org, a.id())).isEmpty();
    assertThat(store().find(org, a.id())).isEmpty();
  }

  @Test
  void anotherOrgSeesAndChangesNothing() {
    String mine = newOrg().id();
    String other = newOrg().id();
    Benchmark a = benchmark(mine, id("bm"), T, true);
    store().create(a);
    store().saveResults(mine, a.id(), "{\"v\":1}", T);
    assertThat(store().find(other, a.id())).isEmpty();
    assertThat(store().list(other, null)).isEmpty();
    assertThat(store().results(other, a.id())).isEmpty();
    assertThat(store().transition(other, a.id(), BenchmarkStatus.DRAFT, BenchmarkStatus.RUNNING, T))
        .isFalse();
    store().saveResults(other, a.id(), "{\"v\":9}", T);
    assertThat(store().delete(other, a.id())).isFalse();
    assertThat(store().find(null, a.id())).isEmpty();
    assertThat(store().list(" ", null)).isEmpty();
    assertThat(store().transition(null, a.id(), BenchmarkStatus.DRAFT, BenchmarkStatus.RUNNING, T))
        .isFalse();
    assertThat(store().find(mine, a.id())).contains(a);
    assertThat(store().results(mine, a.id())).contains("{\"v\":1}");
  }
}
