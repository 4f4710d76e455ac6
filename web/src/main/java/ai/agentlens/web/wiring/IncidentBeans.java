package ai.agentlens.web.wiring;

import ai.agentlens.core.incident.AnalyzedIncidentStore;
import ai.agentlens.core.incident.AutomaticRca;
import ai.agentlens.core.incident.DatadogWebhook;
import ai.agentlens.core.incident.IncidentDetector;
import ai.agentlens.core.incident.IncidentFeed;
import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.incident.RcaModel;
import ai.agentlens.core.incident.RootCauseAnalyzer;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.incident.IncidentStores;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.storage.Stores;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Incidents (issue 17): the stores, the detector and the feed the ingest worker tells about stored
 * {@code llm_response} events (one daemon thread behind a bounded queue, {@code
 * agentlens.incidents.queue}), and the use case behind the API; the root-cause analysis of each
 * newly opened incident runs on its own daemon thread behind a bounded queue ({@code
 * agentlens.rca.queue}, 100), with the launcher's {@link RcaModel} (the built-in one without).
 */
@Factory
public class IncidentBeans {

  // why: every incident opened (rules, anomaly scan, Datadog) goes through this bean, so wrapping
  // it is where a new incident starts its root-cause analysis
  @Singleton
  IncidentStore incidentStore(IncidentStores stores, AutomaticRca rca) {
    return new AnalyzedIncidentStore(stores.incidents(), rca);
  }

  @Singleton
  RootCauseAnalyzer rootCauseAnalyzer(
      IncidentStores stores,
      @Nullable LlmRequestStore requests,
      @Nullable RcaModel model,
      Clock clock) {
    return new RootCauseAnalyzer(
        stores.incidents(),
        requests,
        stores.rootCauses(),
        model == null ? null : model.model(),
        clock);
  }

  @Singleton
  @Named("rca")
  @Bean(preDestroy = "shutdown")
  ExecutorService rcaExecutor(@Value("${agentlens.rca.queue:100}") int queue) {
    return single("rca", queue);
  }

  @Singleton
  AutomaticRca automaticRca(RootCauseAnalyzer analyzer, @Named("rca") ExecutorService executor) {
    return new AutomaticRca(analyzer, executor);
  }

  @Singleton
  IncidentRuleStore incidentRuleStore(IncidentStores stores) {
    return stores.rules();
  }

  @Singleton
  IncidentDetector incidentDetector(
      IncidentStores stores,
      IncidentStore incidents,
      Clock clock,
      @Value("${agentlens.incidents.rule-cache-ttl:10s}") Duration ttl) {
    return new IncidentDetector(stores.rules(), incidents, clock, IncidentBeans::ulid, ttl);
  }

  @Singleton
  @Named("incidents")
  @Bean(preDestroy = "shutdown")
  ExecutorService incidentExecutor(@Value("${agentlens.incidents.queue:1000}") int queue) {
    return single("incidents", queue);
  }

  private static ExecutorService single(String name, int queue) {
    return new ThreadPoolExecutor(
        1,
        1,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  @Singleton
  IncidentFeed incidentFeed(
      IncidentDetector detector, @Named("incidents") ExecutorService executor) {
    return new IncidentFeed(detector, executor);
  }

  @Singleton
  Incidents incidents(
      IncidentStores s,
      IncidentStore incidents,
      Stores stores,
      Clock clock,
      IncidentDetector detector) {
    return new Incidents(
        incidents, s.rules(), stores.audit(), clock, IncidentBeans::ulid, detector::rulesChanged);
  }

  @Singleton
  DatadogWebhook datadogWebhook(IncidentStores s, IncidentStore incidents, Clock clock) {
    return new DatadogWebhook(s.webhookSecrets(), incidents, clock, IncidentBeans::ulid);
  }

  static String ulid() {
    return UlidCreator.getMonotonicUlid().toString();
  }
}
