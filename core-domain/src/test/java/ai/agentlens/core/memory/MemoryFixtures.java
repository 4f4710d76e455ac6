package ai.agentlens.core.memory;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import java.time.Instant;

/** Events for the memory unit tests. */
public final class MemoryFixtures {

  /** The fixture's first instant. */
  public static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

  private MemoryFixtures() {}

  /**
   * An event of org {@code org-1}.
   *
   * @param session the session
   * @param second seconds after {@link #T0}
   * @param type the type
   * @param payload the payload JSON
   * @return the event
   */
  public static Event ev(String session, int second, EventType type, String payload) {
    return ev(session, second, type, Severity.INFO, payload, "{}");
  }

  /**
   * An event of org {@code org-1} with a severity and metadata.
   *
   * @param session the session
   * @param second seconds after {@link #T0}
   * @param type the type
   * @param severity the severity
   * @param payload the payload JSON
   * @param metadata the metadata JSON
   * @return the event
   */
  public static Event ev(
      String session,
      int second,
      EventType type,
      Severity severity,
      String payload,
      String metadata) {
    return Event.unwritten(
        "evt-" + session + "-" + second,
        "org-1",
        session,
        "bot",
        type,
        severity,
        T0.plusSeconds(second),
        payload,
        metadata);
  }
}
