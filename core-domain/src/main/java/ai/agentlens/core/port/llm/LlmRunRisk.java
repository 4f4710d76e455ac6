package ai.agentlens.core.port.llm;

import ai.agentlens.core.risk.RiskAssessment;
import java.util.Optional;

/**
 * How the request log scores the rows of one run it writes ({@link LlmRequestStore#recordAll(
 * java.util.List, LlmRunRisk)}). Pure and fast: a store may call it while it holds its write lock.
 */
@FunctionalInterface
public interface LlmRunRisk {

  /**
   * Assesses a row as it stands after the run's writes.
   *
   * @param row the row as written
   * @return its assessment
   */
  RiskAssessment assess(LlmRequest row);

  /**
   * The assessment a call's row is expected to have once the run has written it, known before the
   * write. A store may write it with the row when the run creates the row (saving a second write of
   * each new row); whatever it does, it checks every row with {@link #assess} afterwards and stores
   * the assessment where the row's differs.
   *
   * @param orgId the org
   * @param callId the call id
   * @return the expected assessment, or empty when none was made
   */
  default Optional<RiskAssessment> expected(String orgId, String callId) {
    return Optional.empty();
  }
}
