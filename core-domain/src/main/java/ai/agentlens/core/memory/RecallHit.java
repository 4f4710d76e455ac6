package ai.agentlens.core.memory;

import java.time.Instant;

/**
 * One recall result.
 *
 * @param sourceType {@code event} or {@code session}
 * @param sourceId the event id or the session id
 * @param score cosine similarity rounded to 4 decimal places
 * @param text the embedded text
 * @param embeddingModel the model that made the vector
 * @param createdAt when the source happened
 */
public record RecallHit(
    String sourceType,
    String sourceId,
    double score,
    String text,
    String embeddingModel,
    Instant createdAt) {}
