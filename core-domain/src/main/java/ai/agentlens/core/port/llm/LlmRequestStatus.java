package ai.agentlens.core.port.llm;

import java.util.Locale;
import java.util.Optional;

/** Where an LLM request stands: its call seen, its response seen, or its response an error. */
public enum LlmRequestStatus {
  /** The call is stored; its response has not arrived (yet). */
  PENDING,
  /** The response arrived and did not fail. */
  SUCCESS,
  /** The response arrived with finish reason {@code error}. */
  ERROR;

  /**
   * The name in the API and the database.
   *
   * @return {@code pending}, {@code success} or {@code error}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a wire name.
   *
   * @param s the name, any case
   * @return the status, or empty when unknown
   */
  public static Optional<LlmRequestStatus> parse(String s) {
    for (LlmRequestStatus v : values()) {
      if (v.wireName().equalsIgnoreCase(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
