package ai.agentlens.web.wiring;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.llm.LlmRequestLog;
import ai.agentlens.core.llm.LlmRequestRecorder;
import ai.agentlens.core.llm.LlmRequests;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.risk.RiskScorer;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * LLM request log wiring (docs/llm-requests.md): the recorder, told by the ingest worker after
 * every commit, pairs and scores LLM events with a backlog of {@code
 * agentlens.llm-requests.backlog} (10000) events; the use cases serve the API and the dashboard.
 * Present only where the launcher provides an {@link LlmRequestStore}.
 */
@Factory
@Requires(beans = LlmRequestStore.class)
class LlmRequestBeans {

  @Singleton
  LlmRequestLog llmRequestLog(LlmRequestStore store) {
    return new LlmRequestLog(store, new RiskScorer());
  }

  @Singleton
  @Bean(preDestroy = "close")
  LlmRequestRecorder llmRequestRecorder(
      LlmRequestLog log, @Value("${agentlens.llm-requests.backlog:10000}") int backlog) {
    LlmRequestRecorder recorder = new LlmRequestRecorder(log, backlog);
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
