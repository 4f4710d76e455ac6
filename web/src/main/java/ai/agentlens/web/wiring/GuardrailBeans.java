package ai.agentlens.web.wiring;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.core.guardrail.RequestCheck;
import ai.agentlens.core.guardrail.RuleCache;
import ai.agentlens.core.guardrail.TriggerRecorder;
import ai.agentlens.core.guardrail.action.GuardrailActions;
import ai.agentlens.core.guardrail.content.ContentGuard;
import ai.agentlens.core.guardrail.metric.MetricGuardrails;
import ai.agentlens.core.guardrail.metric.MetricReadings;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.ingest.AgentRateLimits;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.WebhookSender;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.GuardrailStore;
import ai.agentlens.core.port.storage.Stores;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guardrails (issue 11): the stores, the bounded executor metric evaluations and trigger recording
 * run on (off the ingest and request paths), the webhook sender ({@code
 * agentlens.webhooks.allow-private}), the metric evaluator the ingest worker notifies, and the use
 * cases.
 */
@Factory
public class GuardrailBeans {

  @Singleton
  GuardrailStore guardrailStore(Stores stores) {
    return stores.guardrails();
  }

  @Singleton
  AgentControlStore agentControlStore(Stores stores) {
    return stores.agentControls();
  }

  @Singleton
  @Named("guardrails")
  @Bean(preDestroy = "shutdown")
  ExecutorService guardrailExecutor(
      @Value("${agentlens.guardrails.threads:2}") int threads,
      @Value("${agentlens.guardrails.queue:10000}") int queue) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, "guardrails-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  @Singleton
  RuleCache guardrailRuleCache(
      GuardrailStore store, @Value("${agentlens.guardrails.rule-cache-ttl-ms:5000}") long ttlMs) {
    return new RuleCache(store, System::nanoTime, ttlMs);
  }

  @Singleton
  TriggerRecorder triggerRecorder(GuardrailStore store, AuditTrail audit, AccountPorts ports) {
    return new TriggerRecorder(store, audit, ports.ids());
  }

  // why: a launcher names its default (self-hosted recounts rarely, see ServeCommand); an
  // operator's agentlens.guardrails.window-recount-ms wins over it
  @Singleton
  MetricReadings metricReadings(
      Stores stores,
      AgentHealth health,
      @Nullable @Value("${agentlens.guardrails.window-recount-ms:}") Long recountMs,
      @Value("${agentlens.guardrails.window-recount-default-ms:30000}") long recountDefaultMs) {
    return new MetricReadings(
        stores.events(),
        stores.sessions(),
        stores.rollups(),
        health,
        System::nanoTime,
        recountMs != null ? recountMs : recountDefaultMs);
  }

  @Singleton
  MetricGuardrails metricGuardrails(
      MetricReadings readings,
      GuardrailStore store,
      RuleCache rules,
      AgentControlStore controls,
      WebhookSender webhooks,
      TriggerRecorder recorder,
      Clock clock,
      @Named("guardrails") ExecutorService executor,
      @Named("guardrails-delay") ScheduledExecutorService delays,
      @Value("${agentlens.guardrails.min-interval-ms:1000}") long minIntervalMs) {
    return new MetricGuardrails(
        store,
        rules,
        readings,
        new GuardrailActions(controls, webhooks),
        recorder,
        clock,
        executor,
        System::nanoTime,
        minIntervalMs,
        (task, nanos) -> delays.schedule(task, nanos, TimeUnit.NANOSECONDS));
  }

  @Singleton
  @Named("guardrails-delay")
  @Bean(preDestroy = "shutdown")
  ScheduledExecutorService guardrailDelays() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "guardrails-delay");
          t.setDaemon(true);
          return t;
        });
  }

  @Singleton
  AgentRateLimits agentRateLimits(
      AgentControlStore controls,
      ai.agentlens.core.port.incident.IncidentStores incidents,
      Clock clock) {
    return new AgentRateLimits(controls, incidents.settings(), clock);
  }

  @Singleton
  RequestCheck requestCheck(
      AgentControlStore controls,
      ai.agentlens.core.remediation.AgentSettingsEditor settings,
      RateLimiter limiter,
      Clock clock) {
    return new RequestCheck(controls, settings, limiter, clock);
  }

  @Singleton
  Guardrails guardrails(
      GuardrailStore store,
      RuleCache rules,
      AgentControlStore controls,
      TriggerRecorder recorder,
      AuditTrail audit,
      Clock clock,
      AccountPorts ports,
      @Named("guardrails") ExecutorService executor) {
    return new Guardrails(
        store,
        rules,
        controls,
        new ContentGuard(System::nanoTime),
        recorder,
        audit,
        clock,
        ports.ids(),
        executor);
  }
}
