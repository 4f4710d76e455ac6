package ai.agentlens.core.memory;

import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingStore;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Semantic search over an org's embeddings (reference §4.3.7): embeds the query with the configured
 * {@link EmbeddingModel}, ranks at most {@value RecallQuery#CANDIDATES} of the org's newest
 * embeddings of that model (filtered by source type, agent and time) by cosine similarity, drops
 * those under {@code minScore} and answers the best {@code limit}. Thread-safe.
 */
public final class Recall {

  /** Source type of an event's one-line summary. */
  public static final String EVENT = "event";

  /** Source type of a session summary. */
  public static final String SESSION = "session";

  /** The message of the 503 when no model is configured. */
  public static final String NOT_CONFIGURED =
      "Embeddings are not configured on this server, so recall is unavailable";

  private final EmbeddingStore store;
  private final Optional<EmbeddingModel> model;
  private final int candidates;

  /**
   * Creates the use case.
   *
   * @param store the vectors
   * @param model the embedding model, or empty when the server has none
   */
  public Recall(EmbeddingStore store, Optional<EmbeddingModel> model) {
    this(store, model, RecallQuery.CANDIDATES);
  }

  /**
   * Creates the use case with another candidate cap (benchmarks).
   *
   * @param store the vectors
   * @param model the embedding model, or empty
   * @param candidates newest embeddings ranked at most, &gt; 0
   */
  public Recall(EmbeddingStore store, Optional<EmbeddingModel> model, int candidates) {
    if (candidates <= 0) {
      throw new IllegalArgumentException("candidates must be > 0");
    }
    this.store = store;
    this.model = model;
    this.candidates = candidates;
  }

  /**
   * Tells whether recall can answer at all.
   *
   * @return {@code true} when an embedding model is configured
   */
  public boolean available() {
    return model.isPresent();
  }

  /**
   * Recalls what an org stored that is closest to the query.
   *
   * @param orgId the org
   * @param q the query
   * @return the results; empty for the deprecated {@code lessons} scope
   * @throws EmbeddingUnavailableException when no model is configured or the model cannot answer
   *     now
   */
  public RecallResult recall(String orgId, RecallQuery q) {
    if (q.scope() == RecallScope.LESSONS) {
      return new RecallResult(q.query(), List.of(), true);
    }
    EmbeddingModel m =
        model.orElseThrow(() -> new EmbeddingUnavailableException(NOT_CONFIGURED, null));
    List<float[]> vectors = m.embed(List.of(q.query()));
    if (vectors.size() != 1 || vectors.get(0).length != m.dimension()) {
      throw new EmbeddingUnavailableException(
          "the embedding model answered no vector of its dimension", null);
    }
    EmbeddingFilter filter =
        new EmbeddingFilter(
            orgId, m.name(), q.scope().sourceTypes(), q.agentId(), q.from(), q.to());
    List<RecallHit> hits = new ArrayList<>();
    for (EmbeddingMatch match : store.nearest(filter, vectors.get(0), candidates, q.limit())) {
      if (match.score() < q.minScore()) {
        break;
      }
      var e = match.embedding();
      hits.add(
          new RecallHit(
              e.sourceType(),
              e.sourceId(),
              round4(match.score()),
              e.text(),
              e.model(),
              e.createdAt()));
    }
    return new RecallResult(q.query(), hits, false);
  }

  /**
   * Rounds a score to 4 decimal places, half up, as the API shows it.
   *
   * @param score the score
   * @return the rounded score
   */
  static double round4(double score) {
    return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }
}
