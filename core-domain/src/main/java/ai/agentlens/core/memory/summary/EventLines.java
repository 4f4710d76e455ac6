package ai.agentlens.core.memory.summary;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;

/**
 * One-line texts of events, as reference §4.3.7 describes them: {@code tool_call: name(args≤200)},
 * {@code tool_error: name - error≤300}, {@code llm_call: model - first user message≤200}, {@code
 * llm_response: model - completion≤200}, {@code session_ended: reason - summary}; other types give
 * their type name.
 */
public final class EventLines {

  private EventLines() {}

  /**
   * The line of an event.
   *
   * @param e the event
   * @return one line
   */
  public static String of(Event e) {
    JsonObject p = e.payload().tree();
    String type = e.eventType().wireName();
    return switch (e.eventType()) {
      case TOOL_CALL ->
          type
              + ": "
              + text(p, "toolName")
              + "("
              + cut(
                  p.object("arguments") == null ? "" : JsonWriter.write(p.object("arguments")), 200)
              + ")";
      case TOOL_ERROR -> type + ": " + text(p, "toolName") + " - " + cut(text(p, "error"), 300);
      case TOOL_RESPONSE -> type + ": " + text(p, "toolName");
      case LLM_CALL -> type + ": " + text(p, "model") + " - " + cut(firstUserMessage(p), 200);
      case LLM_RESPONSE -> type + ": " + text(p, "model") + " - " + cut(text(p, "completion"), 200);
      case SESSION_ENDED ->
          type
              + ": "
              + text(p, "reason")
              + (p.string("summary") == null ? "" : " - " + cut(p.string("summary"), 200));
      case ERROR -> type + ": " + cut(firstText(p, "message", "error"), 300);
      default -> type;
    };
  }

  /**
   * The content of the first {@code user} message of an {@code llm_call} payload.
   *
   * @param p the payload
   * @return the text, or an empty string
   */
  static String firstUserMessage(JsonObject p) {
    JsonArray messages = p.array("messages");
    if (messages == null) {
      return "";
    }
    for (Object m : messages) {
      if (m instanceof JsonObject o && "user".equals(o.string("role"))) {
        if (o.string("content") != null) {
          return o.string("content");
        }
      }
    }
    return "";
  }

  private static String firstText(JsonObject p, String... names) {
    for (String n : names) {
      if (p.string(n) != null) {
        return p.string(n);
      }
    }
    return "";
  }

  private static String text(JsonObject p, String name) {
    String s = p.string(name);
    return s == null ? "" : s;
  }

  /**
   * Cuts a text to a length, whitespace collapsed.
   *
   * @param s the text
   * @param max the most characters kept
   * @return the text
   */
  static String cut(String s, int max) {
    String flat = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    return flat.length() <= max ? flat : flat.substring(0, max);
  }
}
