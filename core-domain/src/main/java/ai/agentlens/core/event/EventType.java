package ai.agentlens.core.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 26 AgentLens event types (reference §1.3), with their wire names. Five are emitted only by
 * the server, so that evidence (evaluations, scores, feedback) cannot be forged by clients.
 */
public enum EventType {
  SESSION_STARTED("session_started", true),
  SESSION_ENDED("session_ended", true),
  TOOL_CALL("tool_call", true),
  TOOL_RESPONSE("tool_response", true),
  TOOL_ERROR("tool_error", true),
  APPROVAL_REQUESTED("approval_requested", true),
  APPROVAL_GRANTED("approval_granted", true),
  APPROVAL_DENIED("approval_denied", true),
  APPROVAL_EXPIRED("approval_expired", true),
  FORM_SUBMITTED("form_submitted", true),
  FORM_COMPLETED("form_completed", true),
  FORM_EXPIRED("form_expired", true),
  COST_TRACKED("cost_tracked", true),
  LLM_CALL("llm_call", true),
  LLM_RESPONSE("llm_response", true),
  ALERT_TRIGGERED("alert_triggered", true),
  ALERT_RESOLVED("alert_resolved", true),
  ERROR("error", false),
  EVAL_RESULT("eval_result", false),
  HUMAN_SCORE("human_score", false),
  FEEDBACK("feedback", false),
  SKILL_ACTIVATED("skill_activated", false),
  RETRIEVAL("retrieval", true),
  EMBEDDING("embedding", true),
  CHAIN_STEP("chain_step", true),
  CUSTOM("custom", true);

  private static final Map<String, EventType> BY_WIRE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

  private final String wireName;
  private final boolean clientIngestible;

  EventType(String wireName, boolean clientIngestible) {
    this.wireName = wireName;
    this.clientIngestible = clientIngestible;
  }

  /**
   * Returns the name used on the wire and in storage, e.g. {@code llm_call}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Tells whether clients may send this type to the ingest endpoints.
   *
   * @return {@code false} for the five server-emitted types
   */
  public boolean clientIngestible() {
    return clientIngestible;
  }

  /**
   * Looks a type up by its wire name.
   *
   * @param wireName e.g. {@code tool_call}; case-sensitive
   * @return the type, or empty when unknown
   */
  public static Optional<EventType> fromWireName(String wireName) {
    return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
  }
}
