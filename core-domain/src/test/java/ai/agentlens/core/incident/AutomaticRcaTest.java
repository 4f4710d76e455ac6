package ai.agentlens.core.incident;

import static ai.agentlens.core.incident.Requests.T;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.RcaStatus;
import ai.agentlens.core.incident.model.TriggerType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** A newly opened incident starts one analysis; an update starts none; a full queue skips. */
class AutomaticRcaTest {

  private final FakeIncidentStores raw = new FakeIncidentStores();
  private final RootCauseAnalyzerTest.Kept kept = new RootCauseAnalyzerTest.Kept();

  private static IncidentTrigger trigger(int second) {
    return new IncidentTrigger(
        "org-a",
        "bot",
        "rule-1",
        TriggerType.ERRORS,
        IncidentTrigger.key(TriggerType.ERRORS, "rule-1", "bot"),
        "errors",
        IncidentSeverity.HIGH,
        T.plusSeconds(second),
        "evt-" + second,
        "{}");
  }

  @Test
  void onlyTheTriggerThatOpensAnIncidentStartsAnAnalysis() {
    RootCauseAnalyzer analyzer =
        new RootCauseAnalyzer(raw, new RootCauseAnalyzerTest.Log(), kept, null, () -> T);
    List<Runnable> queued = new ArrayList<>();
    AutomaticRca auto = new AutomaticRca(analyzer, queued::add);
    AnalyzedIncidentStore store = new AnalyzedIncidentStore(raw, auto);
    Incident opened = store.record("inc_1", trigger(1));
    store.record("inc_2", trigger(2));
    store.record("inc_3", trigger(3));
    assertThat(queued).hasSize(1);
    assertThat(kept.rows).isEmpty();
    queued.get(0).run();
    assertThat(kept.find("org-a", opened.id()).orElseThrow().status()).isEqualTo(RcaStatus.DONE);
    assertThat(store.find("org-a", "inc_1").orElseThrow().triggerCount()).isEqualTo(3);
  }

  @Test
  void aFullQueueSkipsAndCountsWithoutFailingTheWrite() {
    RootCauseAnalyzer analyzer =
        new RootCauseAnalyzer(raw, new RootCauseAnalyzerTest.Log(), kept, null, () -> T);
    AutomaticRca auto =
        new AutomaticRca(
            analyzer,
            r -> {
              throw new RejectedExecutionException("full");
            });
    AnalyzedIncidentStore store = new AnalyzedIncidentStore(raw, auto);
    assertThat(store.record("inc_1", trigger(1)).id()).isEqualTo("inc_1");
    assertThat(auto.skipped()).isEqualTo(1);
  }

  @Test
  void aListenerThatThrowsNeverFailsTheWrite() {
    AnalyzedIncidentStore store =
        new AnalyzedIncidentStore(
            raw,
            i -> {
              throw new IllegalStateException("boom");
            });
    assertThat(store.record("inc_1", trigger(1)).open()).isTrue();
    assertThat(raw.find("org-a", "inc_1")).isPresent();
  }
}
