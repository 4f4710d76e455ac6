package ai.agentlens.core.replay;

import ai.agentlens.core.event.EventType;
import java.util.Set;

/**
 * What part of a replay to build (reference §4.3.4).
 *
 * @param offset steps to skip, &ge; 0
 * @param limit steps to return, {@value #MIN_LIMIT}..{@value #MAX_LIMIT}
 * @param eventTypes only steps of these types; empty for every type (context always counts every
 *     event of the session, whatever the filter)
 * @param includeContext whether each step carries its reconstructed context
 */
public record ReplayQuery(
    int offset, int limit, Set<EventType> eventTypes, boolean includeContext) {

  /** Default page size. */
  public static final int DEFAULT_LIMIT = 1000;

  /** Smallest page size. */
  public static final int MIN_LIMIT = 1;

  /** Largest page size. */
  public static final int MAX_LIMIT = 5000;

  /**
   * Checks the bounds and copies the filter.
   *
   * @throws IllegalArgumentException when the offset or limit is out of range
   */
  public ReplayQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0");
    }
    if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1..5000");
    }
    eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
  }

  /**
   * The whole replay with context: the first {@value #DEFAULT_LIMIT} steps of every type.
   *
   * @return the query
   */
  public static ReplayQuery defaults() {
    return new ReplayQuery(0, DEFAULT_LIMIT, Set.of(), true);
  }

  boolean keeps(EventType type) {
    return eventTypes.isEmpty() || eventTypes.contains(type);
  }
}
