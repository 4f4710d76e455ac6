package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.core.budget.model.SessionSpend;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.optimize.model.CallGroup;
import ai.agentlens.core.optimize.model.ComplexityTier;
import ai.agentlens.core.port.cost.CostAnalytics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@link CostAnalytics} contract: calls and responses are paired by {@code callId} inside the
 * range and grouped by (model, tier) with the tiers of {@link ComplexityTier#classify} at their
 * boundaries; unpaired events, other ranges, other agents (when filtered) and other orgs are left
 * out; spend sums response costs over a half-open range; the most expensive open session is found.
 */
public abstract class CostAnalyticsContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private CostAnalytics reads() {
    return stores.costAnalytics();
  }

  private static Event ev(
      String org, String session, String agent, EventType type, Instant at, String payload) {
    return Event.unwritten(id("evt"), org, session, agent, type, Severity.INFO, at, payload, "{}");
  }

  /** One call + response; {@code tin} null leaves usage.inputTokens out. */
  private static List<Event> pair(
      String org,
      String agent,
      String model,
      Long tin,
      int tools,
      String finish,
      double cost,
      Instant at) {
    String callId = id("call");
    String call =
        "{\"callId\":\""
            + callId
            + "\",\"provider\":\"openai\",\"model\":\""
            + model
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    StringBuilder calls = new StringBuilder();
    for (int i = 0; i < tools; i++) {
      calls
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"t")
          .append(i)
          .append("\",\"name\":\"x\",\"arguments\":{}}");
    }
    String usage =
        (tin == null ? "" : "\"inputTokens\":" + tin + ",")
            + "\"outputTokens\":100,\"totalTokens\":1";
    String resp =
        "{\"callId\":\""
            + callId
            + "\",\"provider\":\"openai\",\"model\":\""
            + model
            + "\",\"completion\":\"ok\",\"finishReason\":\""
            + finish
            + "\",\"usage\":{"
            + usage
            + "}"
            + (tools > 0 ? ",\"toolCalls\":[" + calls + "]" : "")
            + ",\"costUsd\":"
            + cost
            + ",\"latencyMs\":5}";
    return List.of(
        ev(org, "s-" + agent, agent, EventType.LLM_CALL, at, call),
        ev(org, "s-" + agent, agent, EventType.LLM_RESPONSE, at, resp));
  }

  private void write(String org, List<Event> events) {
    stores.events().append(List.of(batch(org, events)));
  }

  private Map<String, CallGroup> byKey(List<CallGroup> groups) {
    return groups.stream()
        .collect(Collectors.toMap(g -> g.model() + "/" + g.tier().wireName(), g -> g));
  }

  @Test
  void pairsAreGroupedByModelAndTierInTheRange() {
    String org = newOrg().id();
    List<Event> es = new ArrayList<>();
    es.addAll(pair(org, "a1", "gpt-4o", 999L, 0, "stop", 0.01, T));
    es.addAll(pair(org, "a1", "gpt-4o", 500L, 0, "error", 0.02, T));
    es.addAll(pair(org, "a2", "gpt-4o", 0L, 0, "stop", 0.04, T));
    es.addAll(pair(org, "a1", "gpt-4o", 1000L, 0, "stop", 0.1, T)); // moderate: not < 1000
    es.addAll(pair(org, "a1", "gpt-4o", null, 0, "stop", 0.1, T)); // moderate: unknown tokens
    es.addAll(pair(org, "a1", "gpt-4o", 10_000L, 5, "stop", 0.1, T)); // moderate
    es.addAll(pair(org, "a1", "gpt-4o", 10_001L, 0, "stop", 1, T)); // complex
    es.addAll(pair(org, "a1", "gpt-4o", 0L, 6, "stop", 1, T)); // complex
    es.addAll(pair(org, "a1", "gpt-4o", 50_001L, 0, "stop", 5, T)); // expert
    es.addAll(pair(org, "a1", "gpt-4o", 0L, 16, "tool_use", 5, T)); // expert
    es.addAll(pair(org, "a1", "gpt-4o-mini", 10L, 0, "stop", 0.001, T.plusSeconds(60)));
    // unpaired: a call without response and a response without call
    es.add(pair(org, "a1", "gpt-4o", 10L, 0, "stop", 9, T).get(0));
    es.add(pair(org, "a1", "gpt-4o", 10L, 0, "stop", 9, T).get(1));
    // outside the range
    es.addAll(pair(org, "a1", "gpt-4o", 10L, 0, "stop", 9, T.minusSeconds(3600)));
    write(org, es);

    Map<String, CallGroup> g =
        byKey(reads().callGroups(org, null, T.minusSeconds(60), T.plusSeconds(60)));
    assertThat(g.keySet())
        .containsExactlyInAnyOrder(
            "gpt-4o/simple",
            "gpt-4o/moderate",
            "gpt-4o/complex",
            "gpt-4o/expert",
            "gpt-4o-mini/simple");
    CallGroup simple = g.get("gpt-4o/simple");
    assertThat(simple.calls()).isEqualTo(3);
    assertThat(simple.successes()).isEqualTo(2);
    assertThat(simple.costUsd()).isCloseTo(0.07, within(1e-9));
    assertThat(simple.inputTokens()).isEqualTo(1499);
    assertThat(simple.outputTokens()).isEqualTo(300);
    assertThat(simple.agents()).isEqualTo(2);
    assertThat(simple.sampleAgentId()).isEqualTo("a1");
    assertThat(g.get("gpt-4o/moderate").calls()).isEqualTo(3);
    assertThat(g.get("gpt-4o/moderate").inputTokens()).isEqualTo(11_000);
    assertThat(g.get("gpt-4o/complex").calls()).isEqualTo(2);
    assertThat(g.get("gpt-4o/expert").calls()).isEqualTo(2);
    assertThat(g.get("gpt-4o/expert").successes()).isEqualTo(2);
    assertThat(g.get("gpt-4o-mini/simple").agents()).isEqualTo(1);

    Map<String, CallGroup> a2 =
        byKey(reads().callGroups(org, "a2", T.minusSeconds(60), T.plusSeconds(60)));
    assertThat(a2.keySet()).containsExactly("gpt-4o/simple");
    assertThat(a2.get("gpt-4o/simple").sampleAgentId()).isEqualTo("a2");
    // the range is inclusive at both ends
    assertThat(reads().callGroups(org, null, T.plusSeconds(60), T.plusSeconds(60)))
        .extracting(CallGroup::model)
        .containsExactly("gpt-4o-mini");
    assertThat(reads().callGroups(newOrg().id(), null, T.minusSeconds(7200), T.plusSeconds(60)))
        .isEmpty();
    assertThat(reads().callGroups(null, null, T.minusSeconds(7200), T.plusSeconds(60))).isEmpty();
  }

  @Test
  void spendSumsResponseCostsOverAHalfOpenRange() {
    String org = newOrg().id();
    List<Event> es = new ArrayList<>();
    es.addAll(pair(org, "a1", "gpt-4o", 10L, 0, "stop", 1.25, T));
    es.addAll(pair(org, "a1", "gpt-4o", 10L, 0, "stop", 0.5, T.plusSeconds(10)));
    es.addAll(pair(org, "a2", "gpt-4o", 10L, 0, "stop", 2, T.plusSeconds(20)));
    write(org, es);
    assertThat(reads().spend(org, null, T, T.plusSeconds(21))).isCloseTo(3.75, within(1e-9));
    assertThat(reads().spend(org, null, T, T.plusSeconds(20))).isCloseTo(1.75, within(1e-9));
    assertThat(reads().spend(org, "a1", T.plusSeconds(1), T.plusSeconds(60)))
        .isCloseTo(0.5, within(1e-9));
    assertThat(reads().spend(org, "nobody", T, T.plusSeconds(60))).isZero();
    assertThat(reads().spend(newOrg().id(), null, T, T.plusSeconds(60))).isZero();
  }

  @Test
  void theMostExpensiveOpenSessionIsFound() {
    String org = newOrg().id();
    List<Event> es = new ArrayList<>();
    es.addAll(pair(org, "cheap", "gpt-4o", 10L, 0, "stop", 0.5, T));
    es.addAll(pair(org, "dear", "gpt-4o", 10L, 0, "stop", 3, T.plusSeconds(5)));
    es.addAll(pair(org, "dear", "gpt-4o", 10L, 0, "stop", 1, T.plusSeconds(6)));
    es.addAll(pair(org, "closed", "gpt-4o", 10L, 0, "stop", 10, T));
    es.add(
        ev(
            org,
            "s-closed",
            "closed",
            EventType.SESSION_ENDED,
            T.plusSeconds(9),
            "{\"reason\":\"completed\"}"));
    write(org, es);
    assertThat(reads().topOpenSession(org, null, null)).contains(new SessionSpend("s-dear", 4.0));
    assertThat(reads().topOpenSession(org, "cheap", null))
        .contains(new SessionSpend("s-cheap", 0.5));
    assertThat(reads().topOpenSession(org, "closed", null)).isEmpty();
    assertThat(reads().topOpenSession(org, null, T.plusSeconds(1)))
        .contains(new SessionSpend("s-dear", 4.0));
    assertThat(reads().topOpenSession(org, null, T.plusSeconds(3600))).isEmpty();
    assertThat(reads().topOpenSession(newOrg().id(), null, null)).isEmpty();
    List<CallGroup> none = reads().callGroups(org, null, T.plusSeconds(3600), T.plusSeconds(7200));
    assertThat(none).isEmpty();
    assertThat(none.stream().sorted(Comparator.comparing(CallGroup::model)).toList()).isEmpty();
  }
}
