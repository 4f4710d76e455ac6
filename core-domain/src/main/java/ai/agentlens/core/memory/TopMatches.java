package ai.agentlens.core.memory;

import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the {@code limit} best of the candidates offered to it, in {@link VectorRanking#BEST_FIRST}
 * order, without holding the others: what an in-process ranking streams its candidates through. Not
 * thread-safe.
 */
public final class TopMatches {

  private final float[] query;
  private final int limit;
  // why: the worst kept match sits on top, so a better candidate replaces it in O(log limit)
  private final PriorityQueue<EmbeddingMatch> kept;

  /**
   * Starts an empty selection.
   *
   * @param query the query vector
   * @param limit how many matches to keep, &gt; 0
   */
  public TopMatches(float[] query, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0");
    }
    this.query = query.clone();
    this.limit = limit;
    this.kept = new PriorityQueue<>(Math.min(limit, 1024) + 1, VectorRanking.BEST_FIRST.reversed());
  }

  /**
   * Scores a candidate against the query and keeps it when it is among the best so far.
   *
   * @param candidate a stored embedding whose vector has the query's dimension
   */
  public void offer(StoredEmbedding candidate) {
    EmbeddingMatch m =
        new EmbeddingMatch(candidate, VectorRanking.cosine(query, candidate.vector()));
    if (kept.size() < limit) {
      kept.add(m);
    } else if (VectorRanking.BEST_FIRST.compare(m, kept.peek()) < 0) {
      kept.poll();
      kept.add(m);
    }
  }

  /**
   * Returns what was kept.
   *
   * @return at most {@code limit} matches, best first
   */
  public List<EmbeddingMatch> best() {
    List<EmbeddingMatch> out = new ArrayList<>(kept);
    out.sort(VectorRanking.BEST_FIRST);
    return out;
  }
}
