package ai.agentlens.web.wiring;

import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.core.memory.MemoryIndexer;
import ai.agentlens.core.memory.context.Context;
import ai.agentlens.core.memory.context.EmbeddedSessionRecall;
import ai.agentlens.core.memory.context.SessionRecall;
import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.memory.reflect.Reflect;
import ai.agentlens.core.memory.summary.SessionSummaries;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.memory.EmbeddingStore;
import ai.agentlens.core.port.memory.MemoryStores;
import ai.agentlens.core.port.memory.SessionSummaryStore;
import ai.agentlens.core.port.storage.EventStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reflect, context and session summaries (issue 12): the summary writer the ingest worker notifies
 * (on its own bounded executor, {@code agentlens.memory.summary-threads} / {@code
 * agentlens.memory.summary-queue}, so summaries never slow ingest), and the two read use cases.
 * Context uses a {@link SessionRecall} bean when one exists (the embedding-based one), else text
 * search over the summaries.
 */
@Factory
public class MemoryBeans {

  @Singleton
  SessionSummaryStore sessionSummaryStore(MemoryStores stores) {
    return stores.summaries();
  }

  @Singleton
  @Named("session-summaries")
  @Bean(preDestroy = "shutdown")
  ExecutorService summaryExecutor(
      @Value("${agentlens.memory.summary-threads:1}") int threads,
      @Value("${agentlens.memory.summary-queue:10000}") int queue) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, "session-summaries");
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  @Singleton
  SessionSummaries sessionSummaries(
      EventStore events,
      SessionSummaryStore store,
      Clock clock,
      @Named("session-summaries") ExecutorService executor,
      MeterRegistry registry,
      MemoryIndexer indexer) {
    SessionSummaries s =
        new SessionSummaries(
            events,
            store,
            clock,
            executor,
            summary ->
                indexer.indexSession(
                    summary.orgId(),
                    summary.sessionId(),
                    summary.agentId(),
                    embeddedText(summary),
                    summary.endedAt() == null ? summary.createdAt() : summary.endedAt()));
    Gauge.builder("agentlens.memory.summaries.dropped", s, SessionSummaries::dropped)
        .description("session summaries dropped because their queue was full")
        .register(registry);
    Gauge.builder("agentlens.memory.summaries.written", s, SessionSummaries::written)
        .description("session summaries written")
        .register(registry);
    return s;
  }

  /** What of a session summary is embedded: its paragraph and its topics. */
  static String embeddedText(SessionSummary s) {
    return s.topics().isEmpty()
        ? s.summary()
        : s.summary() + " Topics: " + String.join(", ", s.topics());
  }

  @Singleton
  @Requires(beans = EmbeddingStore.class)
  SessionRecall sessionRecall(EmbeddingModels models, EmbeddingStore store) {
    return new EmbeddedSessionRecall(models, store);
  }

  @Singleton
  Reflect reflect(MemoryStores stores, Clock clock) {
    return new Reflect(stores.reflect(), clock);
  }

  @Singleton
  Context context(SessionSummaryStore summaries, @Nullable SessionRecall recall, Clock clock) {
    return new Context(summaries, Optional.ofNullable(recall), clock);
  }
}
