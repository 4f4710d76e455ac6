package ai.agentlens.web.wiring;

import ai.agentlens.core.incident.DatadogWebhook;
import ai.agentlens.core.incident.IncidentDetector;
import ai.agentlens.core.incident.IncidentFeed;
import ai.agentlens.core.incident.Incidents;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.incident.IncidentStores;
import ai.agentlens.core.port.storage.Stores;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
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
 * agentlens.incidents.queue}), and the use case behind the API.
 */
@Factory
public class IncidentBeans {

  @Singleton
  IncidentStore incidentStore(IncidentStores stores) {
    return stores.incidents();
  }

  @Singleton
  IncidentRuleStore incidentRuleStore(IncidentStores stores) {
    return stores.rules();
  }

  @Singleton
  IncidentDetector incidentDetector(
      IncidentStores stores,
      Clock clock,
      @Value("${agentlens.incidents.rule-cache-ttl:10s}") Duration ttl) {
    return new IncidentDetector(
        stores.rules(), stores.incidents(), clock, IncidentBeans::ulid, ttl);
  }

  @Singleton
  @Named("incidents")
  @Bean(preDestroy = "shutdown")
  ExecutorService incidentExecutor(@Value("${agentlens.incidents.queue:1000}") int queue) {
    return new ThreadPoolExecutor(
        1,
        1,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, "incidents");
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
  Incidents incidents(IncidentStores s, Stores stores, Clock clock, IncidentDetector detector) {
    return new Incidents(
        s.incidents(),
        s.rules(),
        stores.audit(),
        clock,
        IncidentBeans::ulid,
        detector::rulesChanged);
  }

  @Singleton
  DatadogWebhook datadogWebhook(IncidentStores s, Clock clock) {
    return new DatadogWebhook(s.webhookSecrets(), s.incidents(), clock, IncidentBeans::ulid);
  }

  static String ulid() {
    return UlidCreator.getMonotonicUlid().toString();
  }
}
