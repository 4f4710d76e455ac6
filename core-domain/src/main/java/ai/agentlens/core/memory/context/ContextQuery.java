package ai.agentlens.core.memory.context;

import java.time.Instant;

/**
 * What context is asked.
 *
 * @param orgId the org
 * @param topic the topic (required, non-blank)
 * @param userId only sessions whose events carry this {@code metadata.userId}, or {@code null}
 * @param agentId only this agent's sessions, or {@code null}
 * @param from only sessions started at or after, or {@code null}
 * @param to only sessions started before, or {@code null}
 * @param limit sessions answered at most, {@link #MIN_LIMIT}..{@link #MAX_LIMIT}
 */
public record ContextQuery(
    String orgId,
    String topic,
    String userId,
    String agentId,
    Instant from,
    Instant to,
    int limit) {

  /** Default limit. */
  public static final int DEFAULT_LIMIT = 10;

  /** Smallest limit. */
  public static final int MIN_LIMIT = 1;

  /** Largest limit. */
  public static final int MAX_LIMIT = 100;
}
