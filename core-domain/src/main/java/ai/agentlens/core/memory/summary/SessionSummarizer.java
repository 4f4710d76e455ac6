package ai.agentlens.core.memory.summary;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.memory.model.KeyEvent;
import ai.agentlens.core.memory.model.Outcome;
import ai.agentlens.core.memory.model.SessionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarizes one session from its events, deterministically (same events, same summary): the
 * paragraph, the topics (top {@link #TOPICS} terms of user messages plus tool names), the tool
 * sequence (first {@link #MAX_TOOLS} tool calls), the error line, the {@link Outcome} and up to
 * {@link #MAX_KEY_EVENTS} key events (errors, the first LLM call and tool call, the end). Pure.
 */
public final class SessionSummarizer {

  /** Topics kept. */
  public static final int TOPICS = 8;

  /** Tool calls kept in the sequence. */
  public static final int MAX_TOOLS = 50;

  /** Key events kept. */
  public static final int MAX_KEY_EVENTS = 10;

  private SessionSummarizer() {}

  /**
   * Whether an event counts as an error: a {@code tool_error} or {@code error} event, or any event
   * of severity {@code error} or {@code critical}.
   *
   * @param e the event
   * @return {@code true} for an error
   */
  public static boolean isError(Event e) {
    return e.eventType() == EventType.TOOL_ERROR
        || e.eventType() == EventType.ERROR
        || e.severity() == Severity.ERROR
        || e.severity() == Severity.CRITICAL;
  }

  /**
   * Summarizes a session.
   *
   * @param events the session's events in chain order, at least one, all of one org and session
   * @param now when the summary is written
   * @return the summary
   */
  public static SessionSummary summarize(List<Event> events, Instant now) {
    Event first = events.get(0);
    Event end = null;
    String userId = null;
    Map<String, Integer> termCounts = new LinkedHashMap<>();
    List<String> tools = new ArrayList<>();
    Set<String> models = new LinkedHashSet<>();
    List<Event> errors = new ArrayList<>();
    int llmCalls = 0;
    for (Event e : events) {
      JsonObject p = e.payload().tree();
      if (userId == null) {
        userId = e.metadata().tree().string("userId");
      }
      switch (e.eventType()) {
        case SESSION_ENDED -> end = e;
        case TOOL_CALL -> {
          String tool = p.string("toolName");
          if (tool != null) {
            if (tools.size() < MAX_TOOLS) {
              tools.add(tool);
            }
            termCounts.merge(tool.toLowerCase(Locale.ROOT), 1, Integer::sum);
          }
        }
        case LLM_CALL -> {
          llmCalls++;
          if (p.string("model") != null) {
            models.add(p.string("model"));
          }
          for (String t : Terms.of(EventLines.firstUserMessage(p))) {
            termCounts.merge(t, 1, Integer::sum);
          }
        }
        default -> {}
      }
      if (isError(e)) {
        errors.add(e);
      }
    }
    String reason = end == null ? null : end.payload().tree().string("reason");
    Outcome outcome = outcome(reason, errors.size());
    String errorSummary = errorSummary(errors);
    Instant endedAt = end == null ? null : end.timestamp();
    Instant last = events.get(events.size() - 1).timestamp();
    String paragraph =
        paragraph(
                first, events.size(), llmCalls, models, tools, errors.size(), errorSummary, reason)
            + " Outcome: "
            + outcome.wireName()
            + ". Duration: "
            + Duration.between(first.timestamp(), endedAt == null ? last : endedAt).toMillis()
            + " ms."
            + (end != null && end.payload().tree().string("summary") != null
                ? " Agent's summary: " + EventLines.cut(end.payload().tree().string("summary"), 500)
                : "");
    return new SessionSummary(
        first.orgId(),
        first.sessionId(),
        first.agentId(),
        userId,
        first.timestamp(),
        endedAt,
        paragraph,
        topics(termCounts),
        tools,
        errorSummary,
        outcome,
        events.size(),
        errors.size(),
        keyEvents(events, errors),
        now);
  }

  static Outcome outcome(String reason, int errors) {
    if (reason == null || "completed".equals(reason)) {
      return errors == 0 ? Outcome.SUCCESS : Outcome.PARTIAL;
    }
    return switch (reason) {
      case "error" -> Outcome.ERROR;
      case "timeout" -> Outcome.TIMEOUT;
      case "manual" -> Outcome.ABANDONED;
      default -> errors == 0 ? Outcome.SUCCESS : Outcome.PARTIAL;
    };
  }

  private static String paragraph(
      Event first,
      int events,
      int llmCalls,
      Set<String> models,
      List<String> tools,
      int errors,
      String errorSummary,
      String reason) {
    StringBuilder s = new StringBuilder();
    s.append("Agent ").append(first.agentId()).append(" ran ").append(events).append(" events: ");
    s.append(llmCalls).append(" LLM call").append(llmCalls == 1 ? "" : "s");
    if (!models.isEmpty()) {
      s.append(" (").append(String.join(", ", models)).append(")");
    }
    s.append(", ").append(tools.size()).append(" tool call").append(tools.size() == 1 ? "" : "s");
    if (!tools.isEmpty()) {
      s.append(" (").append(String.join(", ", new LinkedHashSet<>(tools))).append(")");
    }
    s.append(", ").append(errors).append(" error").append(errors == 1 ? "" : "s");
    if (errorSummary != null) {
      s.append(" (").append(errorSummary).append(")");
    }
    s.append(". Ended: ").append(reason == null ? "not reported" : reason).append('.');
    return s.toString();
  }

  private static String errorSummary(List<Event> errors) {
    if (errors.isEmpty()) {
      return null;
    }
    Set<String> lines = new LinkedHashSet<>();
    for (Event e : errors) {
      lines.add(EventLines.of(e));
      if (lines.size() == 3) {
        break;
      }
    }
    return EventLines.cut(errors.size() + " errors: " + String.join("; ", lines), 300);
  }

  private static List<String> topics(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOPICS)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static List<KeyEvent> keyEvents(List<Event> events, List<Event> errors) {
    Set<Event> picked = new LinkedHashSet<>(errors.subList(0, Math.min(6, errors.size())));
    events.stream()
        .filter(e -> e.eventType() == EventType.LLM_CALL)
        .findFirst()
        .ifPresent(picked::add);
    events.stream()
        .filter(e -> e.eventType() == EventType.TOOL_CALL)
        .findFirst()
        .ifPresent(picked::add);
    events.stream()
        .filter(e -> e.eventType() == EventType.SESSION_ENDED)
        .reduce((a, b) -> b)
        .ifPresent(picked::add);
    return picked.stream()
        .sorted(Comparator.comparingLong(Event::sequence).thenComparing(Event::timestamp))
        .limit(MAX_KEY_EVENTS)
        .map(e -> new KeyEvent(e.id(), e.eventType().wireName(), EventLines.of(e), e.timestamp()))
        .toList();
  }
}
