package ai.agentlens.core.incident.model;

import java.util.List;
import java.util.Objects;

/**
 * A structured root-cause analysis of an incident (seed 003 R4.4).
 *
 * @param summary what happened, in one or two sentences
 * @param likelyCause the most likely cause
 * @param evidence the facts behind it, most telling first
 * @param recommendedFixes what to do, most useful first
 */
public record RootCause(
    String summary, String likelyCause, List<String> evidence, List<String> recommendedFixes) {

  /** Checks the texts and copies the lists. */
  public RootCause {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(likelyCause, "likelyCause");
    evidence = List.copyOf(evidence);
    recommendedFixes = List.copyOf(recommendedFixes);
  }
}
