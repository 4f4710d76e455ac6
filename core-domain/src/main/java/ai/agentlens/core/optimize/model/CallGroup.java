package ai.agentlens.core.optimize.model;

import java.util.Objects;

/**
 * The paired LLM calls ({@code llm_call} + {@code llm_response} with one {@code callId}) of one
 * model at one complexity tier in a time range, summed.
 *
 * @param model the model named by the {@code llm_call}
 * @param tier the tier
 * @param calls paired calls, &gt; 0
 * @param successes calls whose response's {@code finishReason} is not {@code error}
 * @param costUsd the responses' {@code costUsd}, summed
 * @param inputTokens the responses' input tokens, summed
 * @param outputTokens the responses' output tokens, summed
 * @param agents distinct agents that made the calls
 * @param sampleAgentId one of them (the smallest id)
 */
public record CallGroup(
    String model,
    ComplexityTier tier,
    long calls,
    long successes,
    double costUsd,
    long inputTokens,
    long outputTokens,
    long agents,
    String sampleAgentId) {

  /** Rejects impossible counts. */
  public CallGroup {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tier, "tier");
    if (calls <= 0 || successes < 0 || successes > calls) {
      throw new IllegalArgumentException("calls must be > 0 and successes in [0, calls]");
    }
  }

  /**
   * Returns the mean observed cost of one call.
   *
   * @return USD per call
   */
  public double costPerCall() {
    return costUsd / calls;
  }

  /**
   * Returns the share of successful calls.
   *
   * @return in [0, 1]
   */
  public double successRate() {
    return (double) successes / calls;
  }
}
