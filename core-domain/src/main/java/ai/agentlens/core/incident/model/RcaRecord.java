package ai.agentlens.core.incident.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest root-cause analysis of one incident: done with its analysis, or failed with the fault
 * (the incident is untouched and the analysis can be run again).
 *
 * @param orgId the org
 * @param incidentId the incident
 * @param status done or failed
 * @param source {@code builtin}, or {@code model:<name>} for a language model's analysis
 * @param analysis the analysis when done, {@code null} when failed
 * @param requestIds the LLM requests it was given, newest first (at most {@value #MAX_REQUESTS})
 * @param error what failed, or {@code null} when done
 * @param attempts how many analyses were run for the incident, from 1
 * @param updatedAt when the latest one ended
 */
public record RcaRecord(
    String orgId,
    String incidentId,
    RcaStatus status,
    String source,
    RootCause analysis,
    List<String> requestIds,
    String error,
    int attempts,
    Instant updatedAt) {

  /** How many related LLM requests an analysis reads. */
  public static final int MAX_REQUESTS = 20;

  /** Checks the fields: a done record has an analysis, a failed one an error. */
  public RcaRecord {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(updatedAt, "updatedAt");
    requestIds = List.copyOf(requestIds);
    if (status == RcaStatus.DONE && analysis == null) {
      throw new IllegalArgumentException("a done analysis needs its result");
    }
    if (status == RcaStatus.FAILED && error == null) {
      throw new IllegalArgumentException("a failed analysis needs its error");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }
}
