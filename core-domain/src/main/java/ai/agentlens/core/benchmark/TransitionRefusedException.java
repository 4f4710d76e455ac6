package ai.agentlens.core.benchmark;

import ai.agentlens.core.benchmark.model.BenchmarkStatus;

/** A status change the lifecycle does not allow (HTTP 409), e.g. completed → running. */
public final class TransitionRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param from the current status
   * @param to the wanted status
   */
  public TransitionRefusedException(BenchmarkStatus from, BenchmarkStatus to) {
    super(
        "Cannot move a " + from.wireName() + " benchmark to " + to.wireName(), null, false, false);
  }
}
