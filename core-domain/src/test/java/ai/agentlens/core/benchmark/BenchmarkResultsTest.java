package ai.agentlens.core.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.benchmark.model.Metric;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-session metric values, the winner by each metric's direction, undefined tests, the summary's
 * warning, and the parser's problems and defaults.
 */
class BenchmarkResultsTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static Session session(
      String id, boolean completed, long events, long errors, long tools, double cost, long ms) {
    return new Session(
        "org",
        id,
        "bot",
        null,
        T,
        T.plusMillis(ms),
        T.plusMillis(ms),
        completed ? SessionStatus.COMPLETED : SessionStatus.ERROR,
        events,
        tools,
        errors,
        cost,
        2,
        100,
        50,
        List.of("t"),
        events,
        "h");
  }

  private static Benchmark benchmark(List<Metric> metrics) {
    return new Benchmark(
        "bm",
        "org",
        "n",
        null,
        null,
        metrics,
        30,
        null,
        null,
        BenchmarkStatus.RUNNING,
        List.of(new Variant("a", "ta", null, null), new Variant("b", "tb", null, null)),
        T,
        T,
        null);
  }

  @Test
  void perSessionValuesFollowTheReference() {
    Session s = session("s", true, 10, 3, 4, 0.5, 2000);
    assertThat(Metric.ERROR_RATE.value(s)).isEqualTo(0.3);
    assertThat(Metric.AVG_COST.value(s)).isEqualTo(0.5);
    assertThat(Metric.AVG_LATENCY.value(s)).isEqualTo(1000.0);
    assertThat(Metric.TOOL_SUCCESS_RATE.value(s)).isEqualTo(0.25);
    assertThat(Metric.COMPLETION_RATE.value(s)).isEqualTo(1.0);
    assertThat(Metric.AVG_TOKENS.value(s)).isEqualTo(150.0);
    assertThat(Metric.AVG_DURATION.value(s)).isEqualTo(2000.0);
    assertThat(Metric.HEALTH_SCORE.value(s)).isNull();
    assertThat(Metric.TOOL_SUCCESS_RATE.counts(s)).containsExactly(1, 4);
    assertThatThrownBy(() -> Metric.AVG_COST.counts(s)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void winnersFollowEachMetricsDirection() {
    List<Session> a = new ArrayList<>();
    List<Session> b = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // a: cheaper, always completes; b: dearer, completes 1 in 4
      a.add(session("a" + i, true, 10, 0, 0, 1 + (i % 5) * 0.1, 1000));
      b.add(session("b" + i, i % 4 == 0, 10, 0, 0, 2 + (i % 5) * 0.1, 1000));
    }
    JsonObject r =
        BenchmarkResults.compute(
            benchmark(List.of(Metric.AVG_COST, Metric.COMPLETION_RATE, Metric.AVG_DURATION)),
            List.of(a, b),
            T);
    var comparisons = r.array("comparisons");
    JsonObject cost = (JsonObject) comparisons.get(0);
    assertThat(cost.string("winner")).isEqualTo("a");
    assertThat(cost.string("confidence")).isEqualTo("★★★");
    JsonObject completion = (JsonObject) comparisons.get(1);
    assertThat(completion.string("testType")).isEqualTo("chi_squared");
    assertThat(completion.string("winner")).as("higher completion wins").isEqualTo("a");
    assertThat(((Number) completion.get("effectSize")).doubleValue()).isGreaterThan(0);
    JsonObject duration = (JsonObject) comparisons.get(2);
    assertThat(duration.get("pValue")).as("no variance: undefined").isNull();
    assertThat(duration.string("note")).isEqualTo("not enough data");
    assertThat(duration.get("significant")).isEqualTo(false);
    assertThat(r.string("summary"))
        .startsWith("2 of 3 comparisons are significant")
        .doesNotContain("Warning");
    JsonObject va = (JsonObject) r.array("variants").get(0);
    assertThat(((Number) va.object("metrics").object("avg_cost").get("mean")).doubleValue())
        .isCloseTo(1.2, within(1e-9));
    assertThat(JsonDoc.of(ai.agentlens.core.json.JsonWriter.write(r)).tree()).isEqualTo(r);
  }

  @Test
  void fewSessionsAreWarnedAbout() {
    JsonObject r =
        BenchmarkResults.compute(
            benchmark(List.of(Metric.AVG_COST)),
            List.of(List.of(session("x", true, 1, 0, 0, 1, 1)), List.of()),
            T);
    assertThat(r.string("summary"))
        .contains("variant a has only 1 session;")
        .contains("variant b has only 0 sessions");
    assertThat(((JsonObject) r.array("comparisons").get(0)).get("pValue")).isNull();
  }

  @Test
  void theParserListsEveryProblemAndAppliesDefaults() {
    JsonObject ok =
        JsonDoc.of(
                "{\"name\":\" n \",\"metrics\":[\"avg_cost\"],\"description\":null,"
                    + "\"variants\":[{\"name\":\"a\",\"tag\":\"x\"},{\"name\":\"b\",\"tag\":\"y\"}]}")
            .tree();
    Benchmark b = BenchmarkParser.parse(ok, "id", "org", T);
    assertThat(b.name()).isEqualTo("n");
    assertThat(b.minSessionsPerVariant()).isEqualTo(30);
    assertThat(b.status()).isEqualTo(BenchmarkStatus.DRAFT);
    assertThat(b.description()).isNull();
    JsonObject bad =
        JsonDoc.of(
                "{\"name\":5,\"metrics\":\"avg_cost\",\"minSessionsPerVariant\":1.5,"
                    + "\"timeRange\":{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"},"
                    + "\"variants\":[1,{\"name\":\"a\",\"tag\":\"\"}]}")
            .tree();
    assertThatThrownBy(() -> BenchmarkParser.parse(bad, "id", "org", T))
        .isInstanceOfSatisfying(
            InvalidBenchmarkException.class,
            e ->
                assertThat(e.problems().stream().map(InvalidBenchmarkException.Problem::path))
                    .containsExactly(
                        "name",
                        "metrics",
                        "minSessionsPerVariant",
                        "timeRange",
                        "variants.0",
                        "variants.1.tag"));
  }

  @Test
  void theLifecycleAllowsOnlyItsTransitions() {
    assertThat(BenchmarkStatus.DRAFT.canMoveTo(BenchmarkStatus.RUNNING)).isTrue();
    assertThat(BenchmarkStatus.DRAFT.canMoveTo(BenchmarkStatus.CANCELLED)).isTrue();
    assertThat(BenchmarkStatus.DRAFT.canMoveTo(BenchmarkStatus.COMPLETED)).isFalse();
    assertThat(BenchmarkStatus.RUNNING.canMoveTo(BenchmarkStatus.COMPLETED)).isTrue();
    assertThat(BenchmarkStatus.RUNNING.canMoveTo(BenchmarkStatus.CANCELLED)).isTrue();
    assertThat(BenchmarkStatus.RUNNING.canMoveTo(BenchmarkStatus.DRAFT)).isFalse();
    for (BenchmarkStatus s : BenchmarkStatus.values()) {
      assertThat(BenchmarkStatus.COMPLETED.canMoveTo(s)).isFalse();
      assertThat(BenchmarkStatus.CANCELLED.canMoveTo(s)).isFalse();
    }
  }
}
