package ai.agentlens.app.selfhosted;

import ai.agentlens.core.port.memory.EmbeddingStore;
import ai.agentlens.testing.MapEmbeddingStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Gives this launcher's tests an {@link EmbeddingStore} while no storage backend provides one (the
 * JDBC store arrives separately); once one does, this bean steps aside.
 */
@Factory
class SelfhostedTestEmbeddingStore {

  @Singleton
  @Requires(missingBeans = EmbeddingStore.class)
  EmbeddingStore mapEmbeddingStore() {
    return new MapEmbeddingStore();
  }
}
