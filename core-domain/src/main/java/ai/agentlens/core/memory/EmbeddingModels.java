package ai.agentlens.core.memory;

import ai.agentlens.core.port.memory.EmbeddingModel;
import java.util.Optional;

/**
 * The server's configured {@link EmbeddingModel}, or none when embeddings are disabled ({@code
 * AGENTLENS_EMBEDDING_PROVIDER=none}, {@code DISABLE_EMBEDDINGS}). Features that need embeddings
 * ask this holder: the embedding worker does nothing without a model, and recall answers {@code
 * 503} (reference §3.2) when {@link #current()} is empty. Immutable, thread-safe.
 */
public final class EmbeddingModels {

  private final EmbeddingModel model;

  private EmbeddingModels(EmbeddingModel model) {
    this.model = model;
  }

  /**
   * Embeddings are on, with this model.
   *
   * @param model the model
   * @return the holder
   */
  public static EmbeddingModels of(EmbeddingModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null; use none()");
    }
    return new EmbeddingModels(model);
  }

  /**
   * Embeddings are off.
   *
   * @return the holder
   */
  public static EmbeddingModels none() {
    return new EmbeddingModels(null);
  }

  /**
   * The model, when embeddings are configured.
   *
   * @return the model, or empty when embeddings are off
   */
  public Optional<EmbeddingModel> current() {
    return Optional.ofNullable(model);
  }

  /**
   * Whether embeddings are configured.
   *
   * @return {@code true} when there is a model
   */
  public boolean available() {
    return model != null;
  }
}
