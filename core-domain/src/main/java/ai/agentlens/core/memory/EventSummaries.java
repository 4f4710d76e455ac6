package ai.agentlens.core.memory;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import java.util.Optional;

/**
 * The one-line text embedded for an event (reference §4.3.7), built from the event as stored (so
 * after redaction and prompt masking):
 *
 * <ul>
 *   <li>{@code tool_call: name(args≤200)} — the arguments as compact JSON
 *   <li>{@code tool_error: name - error≤300}
 *   <li>{@code llm_call: model - first user message≤200}
 *   <li>{@code llm_response: model - completion≤200} (the tool calls' names when there is no
 *       completion)
 *   <li>{@code eval_result: scorer score=S passed|failed - reasoning≤200}
 *   <li>{@code session_ended: reason - summary≤200}, {@code error: message≤300}, {@code
 *       alert_triggered: name - message≤200}, {@code approval_requested: action(params≤200)},
 *       {@code retrieval: query≤200}, {@code custom: type(data≤200)}, {@code feedback:
 *       comment≤200}, {@code human_score: reasoning≤200}
 * </ul>
 *
 * Every other type (session_started, tool_response, cost_tracked, approvals decided, forms,
 * alert_resolved, embedding, chain_step, skill_activated) carries no text worth recalling and is
 * skipped, as is an event whose text would be empty. Limits count UTF-16 characters and never split
 * a surrogate pair. Stateless.
 */
public final class EventSummaries {

  private EventSummaries() {}

  /**
   * The line to embed for an event.
   *
   * @param event the stored event
   * @return the line, or empty when the event is not embedded
   */
  public static Optional<String> of(Event event) {
    JsonObject p = event.payload().tree();
    String line =
        switch (event.eventType()) {
          case TOOL_CALL ->
              "tool_call: " + s(p, "toolName") + "(" + json(p.get("arguments"), 200) + ")";
          case TOOL_ERROR -> "tool_error: " + s(p, "toolName") + " - " + cut(s(p, "error"), 300);
          case LLM_CALL -> "llm_call: " + s(p, "model") + " - " + cut(firstUserMessage(p), 200);
          case LLM_RESPONSE -> "llm_response: " + s(p, "model") + " - " + cut(completion(p), 200);
          case EVAL_RESULT -> evalResult(p);
          case SESSION_ENDED -> "session_ended: " + s(p, "reason") + tail(s(p, "summary"), 200);
          case ERROR -> "error: " + cut(firstOf(p, "message", "error"), 300);
          case ALERT_TRIGGERED ->
              "alert_triggered: " + s(p, "alertName") + tail(s(p, "message"), 200);
          case APPROVAL_REQUESTED ->
              "approval_requested: " + s(p, "action") + "(" + json(p.get("params"), 200) + ")";
          case RETRIEVAL -> "retrieval: " + cut(s(p, "query"), 200);
          case CUSTOM -> "custom: " + s(p, "type") + "(" + json(p.get("data"), 200) + ")";
          case FEEDBACK -> "feedback: " + cut(s(p, "comment"), 200);
          case HUMAN_SCORE -> "human_score: " + cut(firstOf(p, "reasoning", "textValue"), 200);
          default -> null;
        };
    if (line == null || line.substring(line.indexOf(':') + 1).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(line);
  }

  private static String evalResult(JsonObject p) {
    Object score = p.get("score");
    Object passed = p.get("passed");
    return "eval_result: "
        + s(p, "scorerType")
        + (score == null ? "" : " score=" + JsonWriter.write(score))
        + (passed instanceof Boolean b ? (b ? " passed" : " failed") : "")
        + tail(s(p, "reasoning"), 200);
  }

  private static String firstUserMessage(JsonObject p) {
    JsonArray messages = p.array("messages");
    if (messages == null) {
      return "";
    }
    for (Object m : messages) {
      if (m instanceof JsonObject msg && "user".equals(msg.string("role"))) {
        return text(msg.get("content"));
      }
    }
    return "";
  }

  private static String completion(JsonObject p) {
    String completion = p.string("completion");
    if (completion != null && !completion.isBlank()) {
      return completion;
    }
    JsonArray calls = p.array("toolCalls");
    if (calls == null) {
      return "";
    }
    StringBuilder names = new StringBuilder("tool calls:");
    for (Object c : calls) {
      if (c instanceof JsonObject call && call.string("name") != null) {
        names.append(' ').append(call.string("name"));
      }
    }
    return names.toString();
  }

  // why: message content is a string or an array of parts ({type:"text",text:"…"} and others)
  private static String text(Object content) {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof JsonArray parts) {
      StringBuilder out = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof JsonObject o && o.string("text") != null) {
          out.append(out.length() == 0 ? "" : " ").append(o.string("text"));
        }
      }
      return out.toString();
    }
    return "";
  }

  private static String s(JsonObject p, String name) {
    String v = p.string(name);
    return v == null ? "" : v;
  }

  private static String firstOf(JsonObject p, String a, String b) {
    String v = p.string(a);
    return v != null ? v : s(p, b);
  }

  private static String tail(String text, int max) {
    return text.isBlank() ? "" : " - " + cut(text, max);
  }

  private static String json(Object value, int max) {
    return value == null ? "" : cut(JsonWriter.write(value), max);
  }

  /**
   * Cuts a text to at most {@code max} UTF-16 characters, without splitting a surrogate pair, and
   * folds line breaks into spaces so the summary stays one line.
   *
   * @param text the text
   * @param max the most characters kept
   * @return the cut text
   */
  static String cut(String text, int max) {
    String t = text.replace('\n', ' ').replace('\r', ' ').strip();
    if (t.length() <= max) {
      return t;
    }
    int end = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
    return t.substring(0, end);
  }
}
