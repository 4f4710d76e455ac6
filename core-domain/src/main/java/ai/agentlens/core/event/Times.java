package ai.agentlens.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as the stores keep them: microsecond precision, the finest both backends store. */
public final class Times {

  private Times() {}

  /**
   * Truncates to microseconds.
   *
   * @param instant an instant, or {@code null}
   * @return the truncated instant, or {@code null}
   */
  public static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
