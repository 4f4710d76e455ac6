package ai.agentlens.core.memory.context;

import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingStore;
import java.util.List;
import java.util.Set;

/**
 * Sessions recalled by meaning: the topic embedded with the running model and compared with the
 * org's embedded session summaries (source type {@code session}, written when a session ends).
 * Answers nothing when embeddings are off, so context falls back to text search.
 */
public final class EmbeddedSessionRecall implements SessionRecall {

  /** Newest session embeddings considered at most, as recall does for events. */
  static final int CANDIDATES = 10_000;

  private final EmbeddingModels models;
  private final EmbeddingStore store;

  /**
   * @param models the running model, if any
   * @param store the embeddings
   */
  public EmbeddedSessionRecall(EmbeddingModels models, EmbeddingStore store) {
    this.models = models;
    this.store = store;
  }

  @Override
  public List<Match> recall(ContextQuery query, int candidates) {
    if (models.current().isEmpty()) {
      return List.of();
    }
    EmbeddingModel model = models.current().get();
    float[] vector = model.embed(List.of(query.topic())).get(0);
    EmbeddingFilter filter =
        new EmbeddingFilter(
            query.orgId(), model.name(), Set.of("session"), query.agentId(), null, null);
    return store.nearest(filter, vector, CANDIDATES, candidates).stream()
        .map(m -> new Match(m.embedding().sourceId(), Math.max(0, m.score())))
        .toList();
  }
}
