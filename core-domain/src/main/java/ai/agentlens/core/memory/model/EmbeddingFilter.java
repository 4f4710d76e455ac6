package ai.agentlens.core.memory.model;

import java.time.Instant;
import java.util.Set;

/**
 * Which of an org's embeddings a search considers.
 *
 * @param orgId the org (required)
 * @param model only vectors of this model (required: vectors of different models never compare)
 * @param sourceTypes only these source types; empty for all
 * @param agentId only this agent, or {@code null}
 * @param from only {@code createdAt >= from}, or {@code null}
 * @param to only {@code createdAt <= to}, or {@code null}
 */
public record EmbeddingFilter(
    String orgId, String model, Set<String> sourceTypes, String agentId, Instant from, Instant to) {

  /** Copies the source types so the filter is immutable. */
  public EmbeddingFilter {
    sourceTypes = sourceTypes == null ? Set.of() : Set.copyOf(sourceTypes);
  }
}
