package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonSyntaxException;
import ai.agentlens.core.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns chat messages as emitters write them into AgentLens messages ({@code {role, content,
 * toolCallId?, toolCalls?:[{id,name,arguments}]}}, reference §1.5): the GenAI "parts" form ({@code
 * {role, parts:[{type:text|tool_call|tool_call_response|…}], finish_reason}}) and the classic
 * OpenAI-like form ({@code {role, content, tool_calls, tool_call_id}}) of the deprecated events and
 * attributes. Pure functions.
 */
final class Messages {

  private Messages() {}

  /** Parses a JSON text when it is one; returns any other value as it is. */
  static Object json(Object value) {
    if (value instanceof String s) {
      String t = s.trim();
      if (t.startsWith("{") || t.startsWith("[")) {
        try {
          return JsonReader.read(t);
        } catch (JsonSyntaxException e) {
          return s;
        }
      }
    }
    return value;
  }

  /**
   * Reads a list of messages: a JSON array (or its text) of message objects in either form, or a
   * plain text, which becomes one message of {@code defaultRole}.
   */
  static List<JsonObject> list(Object value, String defaultRole) {
    Object v = json(value);
    List<JsonObject> out = new ArrayList<>();
    if (v instanceof JsonArray items) {
      for (Object item : items) {
        if (item instanceof JsonObject m) {
          out.add(message(m, defaultRole));
        } else if (item instanceof String s) {
          out.add(text(defaultRole, s));
        }
      }
    } else if (v instanceof JsonObject m) {
      out.add(message(m, defaultRole));
    } else if (v instanceof String s) {
      out.add(text(defaultRole, s));
    }
    return out;
  }

  /** One message in either form. */
  static JsonObject message(JsonObject m, String defaultRole) {
    String role = role(m.get("role") instanceof String r ? r : defaultRole);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("role", role);
    List<Object> toolCalls = new ArrayList<>();
    if (m.get("parts") instanceof JsonArray parts) {
      fromParts(parts, out, toolCalls);
    } else {
      Object content = json(m.get("content"));
      out.put("content", content instanceof JsonArray a ? a : textOf(content));
      if (m.get("tool_calls") instanceof JsonArray calls) {
        calls.forEach(c -> addCall(c, toolCalls));
      } else if (json(m.get("tool_calls")) instanceof JsonArray calls) {
        calls.forEach(c -> addCall(c, toolCalls));
      }
      Object callId = m.get("tool_call_id") != null ? m.get("tool_call_id") : m.get("id");
      if ("tool".equals(role) && callId instanceof String id) {
        out.put("toolCallId", id);
      }
    }
    if (!toolCalls.isEmpty()) {
      out.put("toolCalls", JsonArray.of(toolCalls));
    }
    if (m.get("finish_reason") instanceof String f) {
      out.put("finishReason", f);
    }
    return JsonObject.of(out);
  }

  private static void fromParts(JsonArray parts, Map<String, Object> out, List<Object> calls) {
    StringBuilder text = new StringBuilder();
    List<Object> other = new ArrayList<>();
    for (Object p : parts) {
      if (!(p instanceof JsonObject part)) {
        continue;
      }
      String type = part.get("type") instanceof String t ? t : "";
      switch (type) {
        case "text" -> append(text, textOf(part.get("content")));
        case "tool_call" -> addCall(part, calls);
        case "tool_call_response" -> {
          if (part.get("id") instanceof String id) {
            out.put("toolCallId", id);
          }
          append(text, textOf(part.get("response")));
        }
        case "reasoning" -> out.put("reasoning", textOf(part.get("content")));
        default -> other.add(part);
      }
    }
    if (other.isEmpty()) {
      out.put("content", text.toString());
    } else {
      List<Object> all = new ArrayList<>();
      if (text.length() > 0) {
        all.add(JsonObject.of(Map.of("type", "text", "text", text.toString())));
      }
      all.addAll(other);
      out.put("content", JsonArray.of(all));
    }
  }

  private static void addCall(Object c, List<Object> calls) {
    if (!(c instanceof JsonObject call)) {
      return;
    }
    JsonObject fn = call.object("function");
    Object name = fn != null ? fn.get("name") : call.get("name");
    Object args = fn != null ? fn.get("arguments") : call.get("arguments");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", call.get("id") instanceof String id ? id : "");
    out.put("name", name instanceof String n ? n : "");
    out.put("arguments", argumentsObject(args));
    calls.add(JsonObject.of(out));
  }

  /** Tool arguments as an object: parsed from JSON text, or wrapped as {@code {"value":…}}. */
  static JsonObject argumentsObject(Object args) {
    Object v = json(args);
    if (v instanceof JsonObject o) {
      return o;
    }
    return v == null ? JsonObject.EMPTY : JsonObject.of(Map.of("value", v));
  }

  /** A message with a text content. */
  static JsonObject text(String role, String content) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("role", role(role));
    out.put("content", content);
    return JsonObject.of(out);
  }

  /** A value as text: strings as they are, anything else as its compact JSON. */
  static String textOf(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof String s ? s : JsonWriter.write(value);
  }

  /** The AgentLens role for an emitter's role name. */
  static String role(String role) {
    String r = role == null ? "user" : role.toLowerCase(Locale.ROOT);
    return switch (r) {
      case "system", "developer" -> "system";
      case "assistant", "model", "ai", "bot" -> "assistant";
      case "tool", "function", "ipython" -> "tool";
      default -> "user";
    };
  }

  private static void append(StringBuilder out, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(text);
  }

  /** Joins the text contents of messages (used for a completion made of output messages). */
  static String joinedText(List<JsonObject> messages) {
    StringBuilder out = new StringBuilder();
    for (JsonObject m : messages) {
      append(out, m.get("content") instanceof String s ? s : textOf(m.get("content")));
    }
    return out.toString();
  }
}
