package ai.agentlens.web.wiring;

import ai.agentlens.core.memory.Recall;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Builds the recall use case on the backend's {@link EmbeddingStore} and whichever {@link
 * EmbeddingModel} bean the launcher has; without one, recall answers 503.
 */
@Factory
public class RecallBeans {

  @Singleton
  Recall recall(EmbeddingStore embeddings, @Nullable EmbeddingModel model) {
    return new Recall(embeddings, Optional.ofNullable(model));
  }
}
