package ai.agentlens.core.memory.model;

/**
 * A stored embedding and its cosine similarity to a query vector.
 *
 * @param embedding the stored embedding
 * @param score cosine similarity in [-1, 1]
 */
public record EmbeddingMatch(StoredEmbedding embedding, double score) {}
