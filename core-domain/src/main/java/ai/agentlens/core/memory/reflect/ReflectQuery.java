package ai.agentlens.core.memory.reflect;

import java.time.Instant;

/**
 * What reflect is asked.
 *
 * @param orgId the org
 * @param analysis the analysis
 * @param agentId only this agent, or {@code null}
 * @param from range start, or {@code null} for {@link #DEFAULT_DAYS} days before {@code to}
 * @param to range end (exclusive), or {@code null} for now
 * @param limit insights per kind, {@link #MIN_LIMIT}..{@link #MAX_LIMIT}
 */
public record ReflectQuery(
    String orgId, Analysis analysis, String agentId, Instant from, Instant to, int limit) {

  /** Days analyzed when {@code from} is not given. */
  public static final int DEFAULT_DAYS = 30;

  /** Default insights per kind. */
  public static final int DEFAULT_LIMIT = 10;

  /** Fewest insights per kind. */
  public static final int MIN_LIMIT = 1;

  /** Most insights per kind. */
  public static final int MAX_LIMIT = 100;
}
