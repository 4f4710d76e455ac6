package ai.agentlens.core.memory.model;

import java.time.Instant;

/**
 * One embedded text of an org: an event's one-line summary ({@code sourceType} {@code event}) or a
 * session summary ({@code session}).
 *
 * @param orgId the org
 * @param sourceType {@code event} or {@code session}
 * @param sourceId the event id or the session id
 * @param sessionId the session the source belongs to (for a session, its own id), or {@code null}
 * @param agentId the agent, or {@code null}
 * @param text the embedded text
 * @param contentHash hex SHA-256 of {@code text}, so an unchanged text is not embedded twice
 * @param model the {@link ai.agentlens.core.port.memory.EmbeddingModel#name()} that made the vector
 * @param vector the vector
 * @param createdAt when the source happened (event timestamp, session end)
 */
public record StoredEmbedding(
    String orgId,
    String sourceType,
    String sourceId,
    String sessionId,
    String agentId,
    String text,
    String contentHash,
    String model,
    float[] vector,
    Instant createdAt) {}
