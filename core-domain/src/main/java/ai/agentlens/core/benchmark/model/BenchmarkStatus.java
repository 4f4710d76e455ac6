package ai.agentlens.core.benchmark.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A benchmark's lifecycle: {@code draft → running → completed | cancelled} (a draft may be
 * cancelled).
 */
public enum BenchmarkStatus {
  /** Being set up. */
  DRAFT,
  /** Collecting sessions. */
  RUNNING,
  /** Finished; results cached. */
  COMPLETED,
  /** Abandoned. */
  CANCELLED;

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code running}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a status up by wire name.
   *
   * @param wire e.g. {@code completed}
   * @return the status, or empty
   */
  public static Optional<BenchmarkStatus> parse(String wire) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
  }

  /**
   * Whether this status may move to another.
   *
   * @param next the wanted status
   * @return {@code true} for draft→running, draft→cancelled, running→completed, running→cancelled
   */
  public boolean canMoveTo(BenchmarkStatus next) {
    return switch (this) {
      case DRAFT -> next == RUNNING || next == CANCELLED;
      case RUNNING -> next == COMPLETED || next == CANCELLED;
      default -> false;
    };
  }
}
