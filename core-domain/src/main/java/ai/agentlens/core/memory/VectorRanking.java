package ai.agentlens.core.memory;

import ai.agentlens.core.memory.model.EmbeddingMatch;
import java.util.Comparator;

/**
 * The one ranking of embeddings every store uses when it ranks in process: cosine similarity, best
 * first, ties by newer {@code createdAt}, then by {@code sourceId} ascending. Pure functions.
 */
public final class VectorRanking {

  /** Best first: higher score, then newer {@code createdAt}, then smaller {@code sourceId}. */
  public static final Comparator<EmbeddingMatch> BEST_FIRST =
      Comparator.comparingDouble(EmbeddingMatch::score)
          .reversed()
          .thenComparing(m -> m.embedding().createdAt(), Comparator.reverseOrder())
          .thenComparing(m -> m.embedding().sourceId());

  private VectorRanking() {}

  /**
   * Cosine similarity of two vectors of the same length, summed in double precision.
   *
   * @param a one vector
   * @param b the other, of the same length
   * @return the similarity in [-1, 1]; 0 when either vector is all zeros
   * @throws IllegalArgumentException when the lengths differ
   */
  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of different dimensions: " + a.length + " and " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      double x = a[i];
      double y = b[i];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    if (na == 0 || nb == 0) {
      return 0;
    }
    double s = dot / (Math.sqrt(na) * Math.sqrt(nb));
    // why: rounding can push the quotient of two parallel vectors a hair past 1
    return Math.max(-1, Math.min(1, s));
  }
}
