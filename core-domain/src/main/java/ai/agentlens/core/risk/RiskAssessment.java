package ai.agentlens.core.risk;

import java.util.List;

/**
 * A risk score and why.
 *
 * @param score 0 (nothing found) to 100
 * @param version the version of the scoring function that produced it
 * @param reasons what contributed, heaviest first
 */
public record RiskAssessment(int score, String version, List<RiskReason> reasons) {

  /** Copies the reasons. */
  public RiskAssessment {
    reasons = List.copyOf(reasons);
  }
}
