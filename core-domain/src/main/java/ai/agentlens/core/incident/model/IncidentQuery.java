package ai.agentlens.core.incident.model;

import java.time.Instant;

/**
 * The filters of an incident listing; {@code null} fields do not filter.
 *
 * @param orgId the org
 * @param open {@code true} for open, {@code false} for resolved, {@code null} for both
 * @param severity the severity, or {@code null}
 * @param agentId the agent, or {@code null}
 * @param from opened at or after, or {@code null}
 * @param to opened before, or {@code null}
 * @param limit at most this many, 1 to 200
 * @param cursor the id after which the page starts (ids below it), or {@code null}
 */
public record IncidentQuery(
    String orgId,
    Boolean open,
    IncidentSeverity severity,
    String agentId,
    Instant from,
    Instant to,
    int limit,
    String cursor) {

  /** The largest page. */
  public static final int MAX_LIMIT = 200;

  /** Checks the limit. */
  public IncidentQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and 200");
    }
  }
}
