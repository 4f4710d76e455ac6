package ai.agentlens.core.memory;

import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.port.memory.EmbeddingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small in-memory vector store for use-case tests, ranking with {@link TopMatches}. */
final class InMemoryEmbeddingStore implements EmbeddingStore {

  private final Map<List<String>, StoredEmbedding> rows = new LinkedHashMap<>();
  final List<Integer> candidatesAsked = new ArrayList<>();

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
      EmbeddingFilter f, float[] vector, int candidates, int limit) {
    candidatesAsked.add(candidates);
    TopMatches top = new TopMatches(vector, limit);
    rows.values().stream()
        .filter(e -> e.orgId().equals(f.orgId()) && e.model().equals(f.model()))
        .filter(e -> e.vector().length == vector.length)
        .filter(e -> f.sourceTypes().isEmpty() || f.sourceTypes().contains(e.sourceType()))
        .filter(e -> f.agentId() == null || f.agentId().equals(e.agentId()))
        .filter(e -> f.from() == null || !e.createdAt().isBefore(f.from()))
        .filter(e -> f.to() == null || !e.createdAt().isAfter(f.to()))
        .sorted(Comparator.comparing(StoredEmbedding::createdAt).reversed())
        .limit(candidates)
        .forEach(top::offer);
    return top.best();
  }

  @Override
  public long count(String orgId) {
    return rows.values().stream().filter(e -> e.orgId().equals(orgId)).count();
  }
}
