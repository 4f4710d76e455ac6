package ai.agentlens.core.llm;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;

/**
 * Reads the searchable texts and numbers out of {@code llm_call} / {@code llm_response} payloads
 * (reference §1.5): the prompt is the system prompt and every message's text, one per line; the
 * response is the completion, or the names of the tools it called.
 */
final class LlmTexts {

  private LlmTexts() {}

  static String prompt(JsonObject call) {
    StringBuilder out = new StringBuilder();
    line(out, call.string("systemPrompt"));
    JsonArray messages = call.array("messages");
    if (messages != null) {
      for (Object m : messages) {
        if (m instanceof JsonObject msg) {
          line(out, content(msg.get("content")));
        }
      }
    }
    return out.toString();
  }

  static String response(JsonObject response) {
    String completion = response.string("completion");
    if (completion != null && !completion.isBlank()) {
      return completion;
    }
    JsonArray calls = response.array("toolCalls");
    if (calls == null || calls.isEmpty()) {
      return completion == null ? "" : completion;
    }
    StringBuilder names = new StringBuilder("tool calls:");
    for (Object c : calls) {
      if (c instanceof JsonObject call && call.string("name") != null) {
        names.append(' ').append(call.string("name"));
      }
    }
    return names.toString();
  }

  static Long number(JsonObject o, String key) {
    if (o != null && o.get(key) instanceof JsonNumber n) {
      double d = n.doubleValue();
      return Double.isFinite(d) && d >= 0 ? Math.round(d) : null;
    }
    return null;
  }

  static Integer tokens(JsonObject response, String key) {
    Long n = number(response.object("usage"), key);
    return n == null || n > Integer.MAX_VALUE ? null : n.intValue();
  }

  private static void line(StringBuilder out, String text) {
    if (text != null && !text.isBlank()) {
      out.append(out.length() == 0 ? "" : "\n").append(text);
    }
  }

  // why: message content is a string or an array of parts ({type:"text",text:"…"} and others)
  private static String content(Object content) {
    if (content instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    if (content instanceof JsonArray parts) {
      for (Object part : parts) {
        if (part instanceof JsonObject o && o.string("text") != null) {
          out.append(out.length() == 0 ? "" : " ").append(o.string("text"));
        }
      }
    }
    return out.toString();
  }
}
