package ai.agentlens.web.wiring;

import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.core.memory.IndexerSettings;
import ai.agentlens.core.memory.MemoryIndexer;
import ai.agentlens.core.port.memory.EmbeddingStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent memory wiring (docs/memory.md): the embedding worker, fed by the ingest worker after every
 * commit, with its backlog and batching from {@code agentlens.embedding.backlog} (10000), {@code
 * agentlens.embedding.batch-size} (32) and {@code agentlens.embedding.flush-interval} (1s). The
 * launchers provide {@link EmbeddingModels} (which provider runs); a context without one (web's own
 * tests) has embeddings off. Without an {@link EmbeddingStore} the worker stays off too.
 */
@Factory
class EmbeddingBeans {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingBeans.class);

  @Singleton
  @Requires(missingBeans = EmbeddingModels.class)
  EmbeddingModels embeddingsOff() {
    return EmbeddingModels.none();
  }

  @Singleton
  @Bean(preDestroy = "close")
  MemoryIndexer memoryIndexer(
      EmbeddingModels models,
      @Nullable EmbeddingStore store,
      @Value("${agentlens.embedding.backlog:10000}") int backlog,
      @Value("${agentlens.embedding.batch-size:32}") int batchSize,
      @Value("${agentlens.embedding.flush-interval:1s}") Duration flushInterval,
      @Value("${agentlens.embedding.busy-share:0.2}") double busyShare) {
    if (store == null && models.available()) {
      LOG.warn("no embedding store in this server: events are not embedded");
    }
    MemoryIndexer indexer =
        new MemoryIndexer(
            store == null ? EmbeddingModels.none() : models,
            store,
            new IndexerSettings(backlog, batchSize, flushInterval, busyShare));
    indexer.start(
        r -> {
          Thread t = new Thread(r, "embedding-worker");
          t.setDaemon(true);
          // why: embedding is CPU-heavy and never urgent; ingest threads come first
          t.setPriority(Thread.MIN_PRIORITY);
          return t;
        });
    return indexer;
  }
}
