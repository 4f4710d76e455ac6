package ai.agentlens.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.RequestObservation;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.json.JsonDoc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentDetectorTest {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private final FakeIncidentStores stores = new FakeIncidentStores();
  private final AtomicReference<Instant> now = new AtomicReference<>(T);
  private final AtomicInteger ids = new AtomicInteger();
  private IncidentDetector detector;

  @BeforeEach
  void setUp() {
    detector =
        new IncidentDetector(
            stores.rules,
            stores,
            now::get,
            () -> "inc_" + ids.incrementAndGet(),
            Duration.ofSeconds(30));
  }

  private void rule(String id, TriggerType type, double threshold, int window, String agent) {
    stores.rules.create(
        new IncidentRule(
            id, "org", type, threshold, window, IncidentSeverity.HIGH, agent, true, T, T));
  }

  private static RequestObservation obs(
      String agent, int second, Double latency, boolean error, double cost, Double risk) {
    return new RequestObservation(
        "org",
        agent,
        "ses",
        "evt-" + second,
        "gpt-4o",
        latency,
        error,
        cost,
        risk,
        T.plusSeconds(second));
  }

  @Test
  void repeatedErrorsWithinTheWindowOpenOneIncidentThenUpdateIt() {
    rule("r", TriggerType.ERRORS, 3, 5, null);
    List<Incident> out =
        detector.observe(
            List.of(
                obs("bot", 0, 100.0, true, 0, null),
                obs("bot", 10, 100.0, true, 0, null),
                obs("bot", 20, 100.0, false, 0, null)));
    assertThat(out).as("two errors are not three").isEmpty();
    out = detector.observe(List.of(obs("bot", 30, 100.0, true, 0, null)));
    assertThat(out).singleElement().satisfies(i -> assertThat(i.triggerCount()).isEqualTo(1));
    out = detector.observe(List.of(obs("bot", 40, 100.0, true, 0, null)));
    assertThat(out).singleElement().satisfies(i -> assertThat(i.triggerCount()).isEqualTo(2));
    assertThat(stores.incidents).hasSize(1);
    Incident i = stores.incidents.values().iterator().next();
    assertThat(i.relatedIds()).containsExactly("evt-30", "evt-40");
    assertThat(i.triggerType()).isEqualTo(TriggerType.ERRORS);
    assertThat(i.agentId()).isEqualTo("bot");
    assertThat(i.details()).contains("\"errors\":4");
  }

  @Test
  void errorsOutsideTheWindowDoNotCount() {
    rule("r", TriggerType.ERRORS, 2, 1, null);
    assertThat(
            detector.observe(
                List.of(obs("bot", 0, null, true, 0, null), obs("bot", 61, null, true, 0, null))))
        .isEmpty();
    assertThat(detector.observe(List.of(obs("bot", 90, null, true, 0, null)))).hasSize(1);
  }

  @Test
  void aRuleWithoutAgentWatchesEachAgentSeparatelyAndAScopedRuleOnlyItsAgent() {
    rule("all", TriggerType.ERRORS, 2, 5, null);
    rule("one", TriggerType.LATENCY, 1000, 5, "other");
    detector.observe(
        List.of(
            obs("bot", 0, 5000.0, true, 0, null),
            obs("other", 1, 100.0, true, 0, null),
            obs("bot", 2, 5000.0, false, 0, null)));
    assertThat(stores.incidents).isEmpty();
    detector.observe(List.of(obs("other", 3, 3000.0, true, 0, null)));
    assertThat(stores.incidents.values())
        .extracting(Incident::ruleId, Incident::agentId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("all", "other"),
            org.assertj.core.groups.Tuple.tuple("one", "other"));
  }

  @Test
  void latencyUsesTheWindowsP95() {
    rule("r", TriggerType.LATENCY, 1000, 10, null);
    for (int i = 0; i < 19; i++) {
      assertThat(detector.observe(List.of(obs("bot", i, 100.0, false, 0, null)))).isEmpty();
    }
    assertThat(detector.observe(List.of(obs("bot", 19, 9000.0, false, 0, null))))
        .as("one slow request in twenty is not the p95")
        .isEmpty();
    assertThat(detector.observe(List.of(obs("bot", 20, 9000.0, false, 0, null)))).hasSize(1);
  }

  @Test
  void riskOverThresholdFiresAndUnknownRiskDoesNot() {
    rule("r", TriggerType.RISK, 80, 5, null);
    assertThat(detector.observe(List.of(obs("bot", 0, 1.0, false, 0, null)))).isEmpty();
    assertThat(detector.observe(List.of(obs("bot", 1, 1.0, false, 0, 79.9)))).isEmpty();
    assertThat(detector.observe(List.of(obs("bot", 2, 1.0, false, 0, 80.0))))
        .singleElement()
        .satisfies(i -> assertThat(i.details()).contains("\"riskScore\":80.0"));
  }

  @Test
  void costSpikeSumsTheWindow() {
    rule("r", TriggerType.COST_SPIKE, 1.0, 60, null);
    assertThat(
            detector.observe(
                List.of(
                    obs("bot", 0, 1.0, false, 0.5, null), obs("bot", 1, 1.0, false, 0.5, null))))
        .as("exactly the threshold is not over it")
        .isEmpty();
    assertThat(detector.observe(List.of(obs("bot", 2, 1.0, false, 0.01, null)))).hasSize(1);
  }

  @Test
  void disabledRulesAreIgnoredAndRulesAreCachedUntilChanged() {
    stores.rules.create(
        new IncidentRule(
            "off", "org", TriggerType.RISK, 1, 5, IncidentSeverity.LOW, null, false, T, T));
    detector.observe(List.of(obs("bot", 0, 1.0, false, 0, 99.0)));
    detector.observe(List.of(obs("bot", 1, 1.0, false, 0, 99.0)));
    assertThat(stores.incidents).isEmpty();
    assertThat(stores.rules.reads).isEqualTo(1);
    rule("on", TriggerType.RISK, 1, 5, null);
    detector.rulesChanged("org");
    assertThat(detector.observe(List.of(obs("bot", 2, 1.0, false, 0, 99.0)))).hasSize(1);
    assertThat(stores.rules.reads).isEqualTo(2);
  }

  @Test
  void theFeedReadsLlmResponses() {
    Event e =
        Event.unwritten(
            "evt-1",
            "org",
            "ses",
            "bot",
            EventType.LLM_RESPONSE,
            Severity.INFO,
            T,
            JsonDoc.of(
                "{\"callId\":\"c\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                    + "\"finishReason\":\"error\",\"costUsd\":0.25,\"latencyMs\":1200}"),
            JsonDoc.EMPTY_OBJECT);
    RequestObservation o = IncidentFeed.observation(e);
    assertThat(o)
        .isEqualTo(
            new RequestObservation(
                "org", "bot", "ses", "evt-1", "gpt-4o", 1200.0, true, 0.25, null, T));
  }
}
