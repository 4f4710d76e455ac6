package ai.agentlens.core.guardrail.metric;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.guardrail.RuleCache;
import ai.agentlens.core.guardrail.TriggerRecorder;
import ai.agentlens.core.guardrail.action.GuardrailActions;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.ingest.StoredEventsListener;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.GuardrailStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates metric rules after ingest, off the ingest path (reference §4.3.6): for every (org,
 * agent) of a committed batch of an org with enabled metric rules (read through the {@link
 * RuleCache}), one task on the executor reads the agent's enabled metric rules (its own and the
 * org's global ones), measures each, records the evaluation, and records a trigger (cooldown,
 * dry-run, action, history, audit) when the condition holds. Batches of an agent stored while its
 * evaluation still waits join that evaluation (one per agent at a time in the queue), and an agent
 * is evaluated at most once per minimum interval: a batch that arrives sooner waits (joined by
 * later ones) until the interval since the agent's last evaluation has passed. A full executor
 * drops the evaluation (counted, logged) rather than slow the worker; the next batch evaluates
 * again.
 */
public final class MetricGuardrails implements StoredEventsListener {

  private static final Logger LOG = LoggerFactory.getLogger(MetricGuardrails.class);

  private final GuardrailStore store;
  private final RuleCache rules;
  private final MetricReadings readings;
  private final GuardrailActions actions;
  private final TriggerRecorder recorder;
  private final Clock clock;
  private final Executor executor;

  /** Agents remembered beyond which those past their interval are forgotten. */
  static final int SWEEP_ABOVE = 10_000;

  private final AtomicLong dropped = new AtomicLong();
  private final Map<List<String>, List<Event>> pending = new ConcurrentHashMap<>();
  private final Map<List<String>, Long> lastStarted = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final long minIntervalNanos;
  private final Delayer delayer;

  /** Runs a task after a delay (a scheduled executor in production). */
  @FunctionalInterface
  public interface Delayer {
    /**
     * Runs the task once after the delay, on another thread.
     *
     * @param task what to run
     * @param delayNanos how long to wait first, &gt; 0
     */
    void later(Runnable task, long delayNanos);
  }

  /**
   * Wires the evaluator.
   *
   * @param store rule state
   * @param rules the org's rules, cached (an org without rules costs no store read per batch)
   * @param readings measurements
   * @param actions the actions
   * @param recorder trigger recording
   * @param clock time of evaluation
   * @param executor where evaluations run (bounded)
   */
  public MetricGuardrails(
      GuardrailStore store,
      RuleCache rules,
      MetricReadings readings,
      GuardrailActions actions,
      TriggerRecorder recorder,
      Clock clock,
      Executor executor) {
    this(store, rules, readings, actions, recorder, clock, executor, System::nanoTime, 0, null);
  }

  /**
   * Wires the evaluator with a minimum interval between two evaluations of one agent.
   *
   * @param store rule state
   * @param rules the org's rules, cached (an org without rules costs no store read per batch)
   * @param readings measurements
   * @param actions the actions
   * @param recorder trigger recording
   * @param clock time of evaluation
   * @param executor where evaluations run (bounded)
   * @param nanoTime the monotonic clock the interval is measured by
   * @param minIntervalMillis least time between the starts of two evaluations of an agent, &ge; 0
   * @param delayer hands a waiting evaluation to the executor later (unused when the interval is 0)
   */
  public MetricGuardrails(
      GuardrailStore store,
      RuleCache rules,
      MetricReadings readings,
      GuardrailActions actions,
      TriggerRecorder recorder,
      Clock clock,
      Executor executor,
      LongSupplier nanoTime,
      long minIntervalMillis,
      Delayer delayer) {
    if (minIntervalMillis < 0 || (minIntervalMillis > 0 && delayer == null)) {
      throw new IllegalArgumentException("minIntervalMillis must be >= 0, with a delayer if > 0");
    }
    this.store = store;
    this.rules = rules;
    this.readings = readings;
    this.actions = actions;
    this.recorder = recorder;
    this.clock = clock;
    this.executor = executor;
    this.nanoTime = nanoTime;
    this.minIntervalNanos = minIntervalMillis * 1_000_000L;
    this.delayer = delayer;
  }

  @Override
  public void stored(List<EventBatch> batches) {
    Map<List<String>, List<Event>> byAgent = new LinkedHashMap<>();
    for (EventBatch b : batches) {
      if (!hasMetricRules(b.orgId())) {
        continue;
      }
      for (Event e : b.events()) {
        byAgent.computeIfAbsent(List.of(b.orgId(), e.agentId()), k -> new ArrayList<>()).add(e);
      }
    }
    byAgent.forEach(this::enqueue);
  }

  // why: while an agent's evaluation waits in the queue, later batches of the agent join it instead
  // of queuing evaluations of their own; under load one evaluation then covers several batches
  private void enqueue(List<String> key, List<Event> events) {
    boolean[] fresh = {false};
    pending.compute(
        key,
        (k, waiting) -> {
          if (waiting == null) {
            fresh[0] = true;
            return events;
          }
          waiting.addAll(events);
          return waiting;
        });
    if (!fresh[0]) {
      return;
    }
    long wait = waitFor(key);
    if (wait > 0) {
      delayer.later(() -> submit(key), wait);
      return;
    }
    submit(key);
  }

  // why: an agent with a steady stream of batches would otherwise be evaluated back to back, each
  // evaluation re-counting the same windows; the interval bounds that work per agent
  private long waitFor(List<String> key) {
    if (minIntervalNanos == 0) {
      return 0;
    }
    Long last = lastStarted.get(key);
    return last == null ? 0 : last + minIntervalNanos - nanoTime.getAsLong();
  }

  private void submit(List<String> key) {
    try {
      executor.execute(
          () -> {
            if (minIntervalNanos > 0) {
              long now = nanoTime.getAsLong();
              if (lastStarted.size() > SWEEP_ABOVE) {
                lastStarted.values().removeIf(t -> now - t >= minIntervalNanos);
              }
              lastStarted.put(key, now);
            }
            evaluateQuietly(key.get(0), key.get(1), pending.remove(key));
          });
    } catch (RejectedExecutionException e) {
      pending.remove(key);
      long n = dropped.incrementAndGet();
      LOG.warn("guardrail evaluation queue full: dropped an evaluation ({} so far)", n);
    }
  }

  private boolean hasMetricRules(String orgId) {
    for (GuardrailRule r : rules.list(orgId, null)) {
      if (r.enabled() && !r.conditionType().isContent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns how many evaluations a full executor dropped.
   *
   * @return the count
   */
  public long dropped() {
    return dropped.get();
  }

  private void evaluateQuietly(String orgId, String agentId, List<Event> events) {
    try {
      evaluate(orgId, agentId, events);
    } catch (RuntimeException e) {
      LOG.warn("guardrail evaluation for an agent of org {} failed: {}", orgId, e.toString());
    }
  }

  /**
   * Evaluates the agent's metric rules now, in the calling thread.
   *
   * @param orgId the org
   * @param agentId the agent
   * @param events the agent's events just stored
   * @return how many rules triggered
   */
  public int evaluate(String orgId, String agentId, List<Event> events) {
    var now = ai.agentlens.core.event.Times.micros(clock.now());
    List<GuardrailRule> metric = new ArrayList<>();
    for (GuardrailRule rule : rules.list(orgId, agentId)) {
      if (rule.enabled() && !rule.conditionType().isContent()) {
        metric.add(rule);
      }
    }
    if (metric.isEmpty()) {
      return 0;
    }
    Map<String, Double> values = new LinkedHashMap<>();
    readings
        .measureAll(metric, orgId, agentId, events, now)
        .forEach((id, v) -> values.put(id, v.orElse(null)));
    store.evaluated(orgId, values, now);
    int triggered = 0;
    for (GuardrailRule rule : metric) {
      Double value = values.get(rule.id());
      if (value == null) {
        continue;
      }
      Reading r = Conditions.judge(rule.conditionType(), rule.conditionConfig(), value);
      if (!r.breached()) {
        continue;
      }
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("agentId", agentId);
      meta.put("sessionId", events.get(events.size() - 1).sessionId());
      if (recorder.record(
              rule,
              now,
              r.value(),
              r.threshold(),
              meta,
              () -> actions.run(rule, agentId, r.value(), r.threshold(), now))
          != null) {
        triggered++;
      }
    }
    return triggered;
  }
}
