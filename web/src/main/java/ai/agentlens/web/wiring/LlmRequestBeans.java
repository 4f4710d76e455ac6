package ai.agentlens.web.wiring;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.incident.IncidentDetector;
import ai.agentlens.core.incident.model.RequestObservation;
import ai.agentlens.core.llm.LlmRequestLog;
import ai.agentlens.core.llm.LlmRequestRecorder;
import ai.agentlens.core.llm.LlmRequests;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmLogInbox;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.risk.RiskScorer;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * LLM request log wiring (docs/llm-requests.md): the recorder, woken by the ingest worker after
 * every commit, pairs and scores the LLM events noted in the log's inbox (so none is lost when it
 * falls behind); the use cases serve the API and the dashboard. Present only where the launcher
 * provides an {@link LlmRequestStore}. {@code agentlens.llm-requests.record=false} leaves the
 * recorder out (LLM events are stored as events but not paired, scored or logged; {@code POST
 * /api/llm/requests} still works): the off side of the scoring-on-vs-off benchmark, and a way out
 * for an operator who does not want the log.
 */
@Factory
@Requires(beans = LlmRequestStore.class)
class LlmRequestBeans {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(LlmRequestBeans.class);

  @Singleton
  LlmRequestLog llmRequestLog(
      LlmRequestStore store, @Nullable IncidentDetector incidents, Clock clock) {
    if (incidents == null) {
      return new LlmRequestLog(store, new RiskScorer());
    }
    return new LlmRequestLog(
        store, new RiskScorer(), r -> LlmRequestBeans.observe(incidents, r, clock));
  }

  // why: llm_response events already give incident detection their latency, errors and cost
  // (IncidentFeed), so rows from events add only their risk; rows posted to /api/llm/requests
  // reach detection only here, so they bring everything
  private static void observe(IncidentDetector incidents, LlmRequest r, Clock clock) {
    if (r.agentId() == null) {
      return;
    }
    boolean posted = "api".equals(r.source());
    try {
      incidents.observe(
          List.of(
              new RequestObservation(
                  r.orgId(),
                  r.agentId(),
                  r.sessionId(),
                  r.id(),
                  r.model(),
                  posted && r.latencyMs() != null ? r.latencyMs().doubleValue() : null,
                  posted && r.status() == LlmRequestStatus.ERROR,
                  0,
                  r.riskScore() == null ? null : r.riskScore().doubleValue(),
                  r.completedAt() != null ? r.completedAt() : clock.now())));
    } catch (RuntimeException e) {
      LOG.warn("incident detection failed for an LLM request: {}", e.toString());
    }
  }

  @Singleton
  @Bean(preDestroy = "close")
  @Requires(property = "agentlens.llm-requests.record", notEquals = "false")
  LlmRequestRecorder llmRequestRecorder(
      LlmRequestLog log, LlmLogInbox inbox, MeterRegistry registry) {
    LlmRequestRecorder recorder = new LlmRequestRecorder(log, inbox);
    String[][] meters = {
      {"recorded", "LLM events written to the request log"},
      {"failed", "LLM events whose request-log write failed"}
    };
    for (int i = 0; i < meters.length; i++) {
      int at = i;
      Gauge.builder("agentlens.llm.requests." + meters[i][0], recorder, r -> r.counts()[at])
          .description(meters[i][1])
          .register(registry);
    }
    recorder.start(
        r -> {
          Thread t = new Thread(r, "llm-request-recorder");
          t.setDaemon(true);
          return t;
        });
    return recorder;
  }

  @Singleton
  LlmRequests llmRequests(
      LlmRequestLog log, LlmRequestStore store, OrgDirectory orgs, Clock clock) {
    return new LlmRequests(
        log, store, orgs, clock, () -> UlidCreator.getMonotonicUlid().toString());
  }
}
