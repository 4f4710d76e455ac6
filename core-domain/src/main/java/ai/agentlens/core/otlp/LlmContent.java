package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The prompt and completion of an LLM span, from whichever form the emitter used, first found wins:
 * the current GenAI attributes ({@code gen_ai.input.messages}, {@code gen_ai.output.messages},
 * {@code gen_ai.system_instructions}, {@code gen_ai.tool.definitions}); the same on the single
 * {@code gen_ai.client.inference.operation.details} event; the deprecated per-message events
 * ({@code gen_ai.system|user|assistant|tool.message}, {@code gen_ai.choice}, {@code
 * gen_ai.content.prompt|completion}); the removed {@code gen_ai.prompt}/{@code gen_ai.completion}
 * attributes, whole or flattened ({@code gen_ai.prompt.0.content}); OpenInference's flattened
 * {@code llm.input_messages}/{@code llm.output_messages} and {@code input.value}/{@code
 * output.value}.
 *
 * @param messages the prompt messages (AgentLens form), possibly empty when none was recorded
 * @param systemPrompt the system instructions, or {@code null}
 * @param output the output messages (AgentLens form), possibly empty
 * @param tools the tool definitions offered to the model, or {@code null}
 */
record LlmContent(
    List<JsonObject> messages, String systemPrompt, List<JsonObject> output, JsonArray tools) {

  static final String DETAILS = "gen_ai.client.inference.operation.details";
  private static final List<String> MESSAGE_EVENTS =
      List.of("gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message");

  static LlmContent read(SpanAttributes a, SpanEvents events) {
    List<SpanAttributes> details = events.named(DETAILS);
    SpanAttributes d = details.isEmpty() ? new SpanAttributes(JsonObject.EMPTY) : details.get(0);
    String system = systemPrompt(a, d);
    List<JsonObject> input = input(a, d, events);
    List<JsonObject> output = output(a, d, events);
    Object toolDefs = a.take("gen_ai.tool.definitions");
    if (toolDefs == null) {
      toolDefs = d.take("gen_ai.tool.definitions");
    }
    JsonArray tools = Messages.json(toolDefs) instanceof JsonArray t ? tools(t) : null;
    return new LlmContent(input, system, output, tools);
  }

  private static String systemPrompt(SpanAttributes a, SpanAttributes d) {
    Object v = a.take("gen_ai.system_instructions");
    if (v == null) {
      v = d.take("gen_ai.system_instructions");
    }
    if (v == null) {
      return null;
    }
    Object parsed = Messages.json(v);
    if (parsed instanceof JsonArray parts) {
      List<JsonObject> one = Messages.list(JsonArray.of(List.of(wrapParts(parts))), "system");
      return Messages.joinedText(one);
    }
    return Messages.textOf(parsed);
  }

  private static JsonObject wrapParts(JsonArray parts) {
    return JsonObject.of(Map.of("role", "system", "parts", parts));
  }

  private static List<JsonObject> input(SpanAttributes a, SpanAttributes d, SpanEvents events) {
    Object v = a.take("gen_ai.input.messages");
    if (v == null) {
      v = d.take("gen_ai.input.messages");
    }
    if (v != null) {
      return Messages.list(v, "user");
    }
    List<JsonObject> out = new ArrayList<>();
    for (String name : MESSAGE_EVENTS) {
      if (events.has(name)) {
        for (SpanAttributes e : events.named(name)) {
          out.add(classic(e, name.substring(7, name.length() - 8)));
        }
      }
    }
    for (SpanAttributes e : events.named("gen_ai.tool.message")) {
      out.add(classic(e, "tool"));
    }
    if (!out.isEmpty()) {
      return out;
    }
    for (SpanAttributes e : events.named("gen_ai.content.prompt")) {
      out.addAll(Messages.list(e.take("gen_ai.prompt"), "user"));
    }
    if (!out.isEmpty()) {
      return out;
    }
    Object prompt = a.take("gen_ai.prompt");
    if (prompt != null) {
      return Messages.list(prompt, "user");
    }
    out.addAll(flat(a.indexed("gen_ai.prompt."), "", "user"));
    if (out.isEmpty()) {
      out.addAll(flat(a.indexed("llm.input_messages."), "message.", "user"));
    }
    if (out.isEmpty() && a.has("input.value")) {
      out.add(Messages.text("user", Messages.textOf(a.take("input.value"))));
      a.take("input.mime_type");
    }
    return out;
  }

  private static List<JsonObject> output(SpanAttributes a, SpanAttributes d, SpanEvents events) {
    Object v = a.take("gen_ai.output.messages");
    if (v == null) {
      v = d.take("gen_ai.output.messages");
    }
    if (v != null) {
      return Messages.list(v, "assistant");
    }
    List<JsonObject> out = new ArrayList<>();
    for (SpanAttributes e : events.named("gen_ai.choice")) {
      Object body = Messages.json(e.take("gen_ai.event.content", "body"));
      Object message = body instanceof JsonObject b ? b.get("message") : e.take("message");
      JsonObject m = Messages.json(message) instanceof JsonObject o ? o : JsonObject.EMPTY;
      Object reason =
          body instanceof JsonObject b ? b.get("finish_reason") : e.take("finish_reason");
      if (m.isEmpty() && e.has("content")) {
        m = JsonObject.of(Map.of("content", e.take("content")));
      }
      JsonObject msg = Messages.message(m, "assistant");
      out.add(reason instanceof String r ? msg.with("finishReason", r) : msg);
    }
    for (SpanAttributes e : events.named("gen_ai.content.completion")) {
      out.addAll(Messages.list(e.take("gen_ai.completion"), "assistant"));
    }
    if (!out.isEmpty()) {
      return out;
    }
    Object completion = a.take("gen_ai.completion");
    if (completion != null) {
      return Messages.list(completion, "assistant");
    }
    out.addAll(flat(a.indexed("gen_ai.completion."), "", "assistant"));
    if (out.isEmpty()) {
      out.addAll(flat(a.indexed("llm.output_messages."), "message.", "assistant"));
    }
    if (out.isEmpty() && a.has("output.value")) {
      out.add(Messages.text("assistant", Messages.textOf(a.take("output.value"))));
      a.take("output.mime_type");
    }
    return out;
  }

  /** One deprecated per-message event: its body in {@code gen_ai.event.content} or attributes. */
  private static JsonObject classic(SpanAttributes e, String role) {
    Object body = Messages.json(e.take("gen_ai.event.content", "body"));
    if (body instanceof JsonObject b) {
      return Messages.message(b.containsKey("role") ? b : b.with("role", role), role);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", role);
    m.put("content", e.take("content"));
    putIfPresent(m, "tool_calls", e.take("tool_calls"));
    putIfPresent(m, "tool_call_id", e.take("id", "tool_call_id"));
    return Messages.message(JsonObject.of(m), role);
  }

  /**
   * Messages from flattened attributes (values by the rest of their names, per index): {@code
   * role}, {@code content}, {@code finish_reason} and {@code tool_calls.M.…} under {@code prefix}.
   */
  private static List<JsonObject> flat(
      TreeMap<Integer, Map<String, Object>> byIndex, String p, String defaultRole) {
    List<JsonObject> out = new ArrayList<>();
    for (Map<String, Object> fields : byIndex.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", fields.get(p + "role"));
      m.put("content", fields.get(p + "content"));
      putIfPresent(m, "finish_reason", fields.get("finish_reason"));
      List<Object> calls = flatCalls(fields, p + "tool_calls.");
      if (!calls.isEmpty()) {
        m.put("tool_calls", JsonArray.of(calls));
      }
      out.add(Messages.message(JsonObject.of(m), defaultRole));
    }
    return out;
  }

  private static List<Object> flatCalls(Map<String, Object> fields, String prefix) {
    TreeMap<Integer, Map<String, Object>> calls = new TreeMap<>();
    fields.forEach(
        (k, v) -> {
          if (!k.startsWith(prefix)) {
            return;
          }
          String rest = k.substring(prefix.length());
          int dot = rest.indexOf('.');
          if (dot > 0 && rest.substring(0, dot).chars().allMatch(Character::isDigit)) {
            String field = rest.substring(dot + 1).replace("tool_call.", "");
            calls
                .computeIfAbsent(
                    Integer.parseInt(rest.substring(0, dot)), i -> new LinkedHashMap<>())
                .put(field.replace("function.", ""), v);
          }
        });
    List<Object> out = new ArrayList<>();
    calls.values().forEach(c -> out.add(JsonObject.of(c)));
    return out;
  }

  private static JsonArray tools(JsonArray defs) {
    List<Object> out = new ArrayList<>();
    for (Object d : defs) {
      if (d instanceof JsonObject def) {
        JsonObject fn = def.object("function") != null ? def.object("function") : def;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", fn.get("name") instanceof String n ? n : "");
        putIfPresent(t, "description", fn.get("description"));
        putIfPresent(t, "parameters", Messages.json(fn.get("parameters")));
        out.add(JsonObject.of(t));
      }
    }
    return JsonArray.of(out);
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
