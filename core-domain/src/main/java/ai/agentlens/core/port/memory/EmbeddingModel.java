package ai.agentlens.core.port.memory;

import java.util.List;

/**
 * Turns texts into embedding vectors. Implementations are thread-safe, never download anything at
 * run time, and answer vectors of {@link #dimension()} floats, L2-normalised or not (callers
 * compare by cosine similarity, which does not care).
 */
public interface EmbeddingModel {

  /**
   * The model's name as stored beside every vector it produced (for example {@code
   * all-minilm-l6-v2-q} or {@code text-embedding-3-small}); vectors of different models are never
   * compared.
   *
   * @return a stable, non-blank name
   */
  String name();

  /**
   * The length of every vector this model answers.
   *
   * @return the dimension, &gt; 0
   */
  int dimension();

  /**
   * Embeds a batch of texts.
   *
   * @param texts the texts, none {@code null}; an empty list answers an empty list
   * @return one vector per text, in the same order, each of {@link #dimension()} floats
   * @throws EmbeddingUnavailableException when the model cannot answer now (remote service down,
   *     refused key, timeout, malformed answer); the message says why without any secret
   */
  List<float[]> embed(List<String> texts);
}
