package ai.agentlens.core.memory.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a session ended, decided from its {@code session_ended} reason and its errors
 * (docs/memory.md): {@code completed} without errors is {@link #SUCCESS}, {@code completed} with
 * errors {@link #PARTIAL}, {@code error} {@link #ERROR}, {@code timeout} {@link #TIMEOUT}, {@code
 * manual} {@link #ABANDONED} (a person stopped it before it finished).
 */
public enum Outcome {
  /** Completed without any error event. */
  SUCCESS("success"),
  /** Completed, but some tool calls or steps failed on the way. */
  PARTIAL("partial"),
  /** Ended because of an error. */
  ERROR("error"),
  /** Ended by a timeout. */
  TIMEOUT("timeout"),
  /** Stopped by hand before it finished. */
  ABANDONED("abandoned");

  private final String wireName;

  Outcome(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name on the wire and in storage.
   *
   * @return e.g. {@code success}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks an outcome up by its wire name.
   *
   * @param wireName e.g. {@code partial}
   * @return the outcome, or empty when unknown
   */
  public static Optional<Outcome> parse(String wireName) {
    return Arrays.stream(values()).filter(o -> o.wireName.equals(wireName)).findFirst();
  }
}
