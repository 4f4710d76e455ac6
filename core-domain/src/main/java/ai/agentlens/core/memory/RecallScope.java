package ai.agentlens.core.memory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a recall searches (reference §4.3.7): event summaries, session summaries, or both. */
public enum RecallScope {
  /** One-line event summaries (source type {@code event}). */
  EVENTS("events", Set.of(Recall.EVENT)),
  /** Session summaries (source type {@code session}). */
  SESSIONS("sessions", Set.of(Recall.SESSION)),
  /** Both. */
  ALL("all", Set.of(Recall.EVENT, Recall.SESSION)),
  /** Deprecated: lessons moved out of AgentLens; always answers nothing. */
  LESSONS("lessons", Set.of());

  private final String wireName;
  private final Set<String> sourceTypes;

  RecallScope(String wireName, Set<String> sourceTypes) {
    this.wireName = wireName;
    this.sourceTypes = sourceTypes;
  }

  /**
   * Returns the name on the wire.
   *
   * @return e.g. {@code events}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the source types this scope searches.
   *
   * @return the types; empty for {@link #LESSONS}
   */
  public Set<String> sourceTypes() {
    return sourceTypes;
  }

  /**
   * Looks a scope up by its wire name, ignoring case.
   *
   * @param name e.g. {@code sessions}
   * @return the scope, or empty when unknown
   */
  public static Optional<RecallScope> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (RecallScope s : values()) {
      if (s.wireName.equals(n)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
