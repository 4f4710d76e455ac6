package ai.agentlens.app.cloud;

import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.testing.HashingEmbeddingModel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The test kit's {@link HashingEmbeddingModel} as this launcher's embedding model when a suite sets
 * {@code agentlens.test.embedding-model=hashing}, in place of any configured model.
 */
@Factory
@Requires(property = "agentlens.test.embedding-model", value = "hashing")
class TestEmbeddingModel {

  @Singleton
  @Replaces(EmbeddingModels.class)
  EmbeddingModels hashing() {
    return EmbeddingModels.of(new HashingEmbeddingModel());
  }
}
