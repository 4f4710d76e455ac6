package ai.agentlens.testing;

import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.port.memory.EmbeddingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EmbeddingStore} in a map, for launcher tests run where no storage backend provides the
 * port: upsert by (org, sourceType, sourceId, model), brute-force cosine ranking. Thread-safe.
 */
public final class MapEmbeddingStore implements EmbeddingStore {

  private final Map<List<String>, StoredEmbedding> rows = new ConcurrentHashMap<>();

  @Override
  public boolean rankedInDatabase() {
    return false;
  }

  @Override
  public void upsert(List<StoredEmbedding> embeddings) {
    for (StoredEmbedding e : embeddings) {
      rows.put(List.of(e.orgId(), e.sourceType(), e.sourceId(), e.model()), e);
    }
  }

  @Override
  public List<EmbeddingMatch> nearest(
      EmbeddingFilter filter, float[] vector, int candidates, int limit) {
    List<StoredEmbedding> pool = new ArrayList<>();
    for (StoredEmbedding e : rows.values()) {
      if (e.orgId().equals(filter.orgId())
          && e.model().equals(filter.model())
          && (filter.sourceTypes().isEmpty() || filter.sourceTypes().contains(e.sourceType()))
          && (filter.agentId() == null || filter.agentId().equals(e.agentId()))
          && (filter.from() == null || !e.createdAt().isBefore(filter.from()))
          && (filter.to() == null || !e.createdAt().isAfter(filter.to()))) {
        pool.add(e);
      }
    }
    pool.sort(Comparator.comparing(StoredEmbedding::createdAt).reversed());
    List<EmbeddingMatch> out = new ArrayList<>();
    for (StoredEmbedding e : pool.subList(0, Math.min(candidates, pool.size()))) {
      out.add(new EmbeddingMatch(e, cosine(vector, e.vector())));
    }
    out.sort(
        Comparator.comparingDouble(EmbeddingMatch::score)
            .reversed()
            .thenComparing(m -> m.embedding().createdAt(), Comparator.reverseOrder())
            .thenComparing(m -> m.embedding().sourceId()));
    return out.subList(0, Math.min(limit, out.size()));
  }

  @Override
  public long count(String orgId) {
    return rows.values().stream().filter(e -> e.orgId().equals(orgId)).count();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
