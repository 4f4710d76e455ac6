package ai.agentlens.web.wiring;

import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.core.memory.Recall;
import ai.agentlens.core.port.memory.EmbeddingStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Builds the recall use case on the backend's {@link EmbeddingStore} and the launcher's {@link
 * EmbeddingModels} choice; with embeddings off, recall answers 503.
 */
@Factory
public class RecallBeans {

  @Singleton
  Recall recall(EmbeddingStore embeddings, EmbeddingModels models) {
    return new Recall(embeddings, models.current());
  }
}
