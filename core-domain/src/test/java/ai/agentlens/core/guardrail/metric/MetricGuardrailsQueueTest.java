package ai.agentlens.core.guardrail.metric;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.guardrail.CountingRuleStore;
import ai.agentlens.core.guardrail.RuleCache;
import ai.agentlens.core.port.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link MetricGuardrails} queues after a stored batch: nothing for an org without enabled
 * metric rules; one evaluation per agent, which later batches of the agent join while it waits.
 * (The rule below belongs to another agent, so running an evaluation measures nothing.)
 */
class MetricGuardrailsQueueTest {

  private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

  private final List<Runnable> queued = new ArrayList<>();
  private final CountingRuleStore store = new CountingRuleStore();
  private final MetricGuardrails guardrails =
      new MetricGuardrails(
          store,
          new RuleCache(store, () -> 0, 60_000),
          null,
          null,
          null,
          Clock.fixed(T0),
          queued::add);

  private static EventBatch batch(String org, String agent, int n) {
    List<Event> e = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      e.add(
          Event.unwritten(
              org + agent + i + "-" + System.nanoTime(),
              org,
              "s",
              agent,
              EventType.CUSTOM,
              Severity.INFO,
              T0,
              "{\"type\":\"t\",\"data\":{}}",
              "{}"));
    }
    return new EventBatch(org, null, e);
  }

  @Test
  void anOrgWithoutMetricRulesQueuesNothing() {
    guardrails.stored(List.of(batch("o1", "bot", 3)));
    assertThat(queued).isEmpty();
  }

  @Test
  void laterBatchesJoinTheAgentsWaitingEvaluation() {
    store.insert(CountingRuleStore.metricRule("r1", "o1", "someone-else"));
    guardrails.stored(List.of(batch("o1", "bot", 2), batch("o1", "helper", 1)));
    guardrails.stored(List.of(batch("o1", "bot", 3)));
    assertThat(queued).hasSize(2);
    queued.get(0).run();
    guardrails.stored(List.of(batch("o1", "bot", 1)));
    assertThat(queued).hasSize(3);
    assertThat(guardrails.dropped()).isZero();
  }

  @Test
  void anAgentIsEvaluatedAtMostOncePerInterval() {
    long[] now = {0};
    List<Long> delays = new ArrayList<>();
    List<Runnable> later = new ArrayList<>();
    MetricGuardrails throttled =
        new MetricGuardrails(
            store,
            new RuleCache(store, () -> 0, 60_000),
            null,
            null,
            null,
            Clock.fixed(T0),
            queued::add,
            () -> now[0],
            1_000,
            (task, nanos) -> {
              delays.add(nanos);
              later.add(task);
            });
    store.insert(CountingRuleStore.metricRule("r1", "o1", "someone-else"));
    throttled.stored(List.of(batch("o1", "bot", 1)));
    assertThat(queued).as("first evaluation at once").hasSize(1);
    now[0] = 100_000_000L;
    queued.get(0).run();
    now[0] = 400_000_000L;
    throttled.stored(List.of(batch("o1", "bot", 1)));
    throttled.stored(List.of(batch("o1", "bot", 2)));
    assertThat(queued).as("the next one waits for the interval").hasSize(1);
    assertThat(delays).containsExactly(700_000_000L);
    later.get(0).run();
    assertThat(queued).hasSize(2);
    throttled.stored(List.of(batch("o1", "helper", 1)));
    assertThat(queued).as("another agent is not held back").hasSize(3);
  }
}
