package ai.agentlens.web.observe;

import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.core.memory.IndexerStats;
import ai.agentlens.core.memory.MemoryIndexer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.function.ToDoubleFunction;

/**
 * The embedding worker's meters (docs/memory.md): {@code agentlens_embedding_backlog} (items
 * waiting), {@code agentlens_embedding_available} (1 when a model is configured), {@code
 * agentlens_embedding_ranked_in_database} (1 with pgvector), the counters {@code
 * agentlens_embedding_embedded_total}, {@code _dropped_total} (backlog full), {@code _failed_total}
 * (model or store failed) and {@code _skipped_total} (unchanged text).
 */
@Factory
class EmbeddingMeters {

  @Singleton
  MeterBinder embeddingMeters(
      MemoryIndexer indexer,
      EmbeddingModels models,
      @io.micronaut.core.annotation.Nullable ai.agentlens.core.port.memory.EmbeddingStore store) {
    return registry -> {
      // why: a web context without storage (the module's own tests) has no store to report on
      if (store != null) {
        Gauge.builder(
                "agentlens.embedding.ranked.in.database", store, s -> s.rankedInDatabase() ? 1 : 0)
            .description("1 when recall ranks in the database (pgvector), 0 when in process")
            .strongReference(true)
            .register(registry);
      }
      Gauge.builder("agentlens.embedding.backlog", indexer, i -> i.stats().backlog())
          .description("Events and session summaries waiting to be embedded")
          .strongReference(true)
          .register(registry);
      Gauge.builder("agentlens.embedding.available", models, m -> m.available() ? 1 : 0)
          .description("1 when an embedding model is configured, else 0")
          .strongReference(true)
          .register(registry);
      counter(registry, "embedded", "Texts embedded and stored", indexer, IndexerStats::embedded);
      counter(registry, "dropped", "Items dropped: backlog full", indexer, IndexerStats::dropped);
      counter(
          registry,
          "failed",
          "Texts whose embedding or write failed",
          indexer,
          IndexerStats::failed);
      counter(
          registry,
          "skipped",
          "Texts unchanged since last embedded",
          indexer,
          IndexerStats::skipped);
    };
  }

  private static void counter(
      MeterRegistry registry,
      String name,
      String help,
      MemoryIndexer indexer,
      ToDoubleFunction<IndexerStats> read) {
    FunctionCounter.builder(
            "agentlens.embedding." + name, indexer, i -> read.applyAsDouble(i.stats()))
        .description(help)
        .register(registry);
  }
}
