package ai.agentlens.core.port.llm;

import java.util.Locale;
import java.util.Optional;

/** The orders {@link LlmRequestStore#search} can list in; every one breaks ties by id. */
public enum LlmRequestSort {
  /** By when the call started. */
  TIME,
  /** By latency; requests without one (pending) come last in either direction. */
  LATENCY,
  /** By risk score. */
  RISK,
  /** By model name. */
  MODEL,
  /** Best full-text match first (only with search text; the direction is ignored). */
  RELEVANCE;

  /**
   * The name in the API.
   *
   * @return e.g. {@code time}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a wire name.
   *
   * @param s the name, any case
   * @return the sort, or empty when unknown
   */
  public static Optional<LlmRequestSort> parse(String s) {
    for (LlmRequestSort v : values()) {
      if (v.wireName().equalsIgnoreCase(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
