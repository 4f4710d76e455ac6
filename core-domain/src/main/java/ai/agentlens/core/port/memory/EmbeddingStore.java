package ai.agentlens.core.port.memory;

import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import java.util.List;

/**
 * The vectors of every org, with the model name and dimension they were made with. Thread-safe;
 * every method names its org and never reads or changes another org's rows. Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface EmbeddingStore {

  /**
   * Whether the backend ranks vectors itself (pgvector) rather than loading candidates and ranking
   * them in process. Results are the same either way; only the speed differs.
   *
   * @return {@code true} when the database ranks
   */
  boolean rankedInDatabase();

  /**
   * Stores embeddings, replacing any earlier one with the same (org, sourceType, sourceId, model).
   * All in one transaction.
   *
   * @param embeddings the embeddings, possibly of several orgs
   */
  void upsert(List<StoredEmbedding> embeddings);

  /**
   * The stored embeddings most similar to {@code vector} by cosine similarity, best first (ties by
   * newer {@code createdAt}, then sourceId), among the filter's at most {@code candidates} newest
   * matches.
   *
   * @param filter which embeddings count
   * @param vector the query vector, of the filter model's dimension
   * @param candidates how many of the newest matching rows are considered at most (&gt; 0)
   * @param limit how many matches to answer at most (&gt; 0)
   * @return the matches, best first
   */
  List<EmbeddingMatch> nearest(EmbeddingFilter filter, float[] vector, int candidates, int limit);

  /**
   * Counts an org's stored embeddings.
   *
   * @param orgId the org
   * @return the count
   */
  long count(String orgId);
}
