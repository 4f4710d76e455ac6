package ai.agentlens.core.otlp;

import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tool_call} and {@code tool_response} (or, for a failed span, {@code tool_error})
 * payloads of a tool span (reference §1.4): {@code gen_ai.tool.name|call.id|call.arguments|
 * call.result}, or OpenInference's {@code tool.name}, {@code tool.id}, {@code tool.parameters},
 * {@code input.value} and {@code output.value}.
 */
final class ToolSpans {

  private ToolSpans() {}

  /**
   * The two payloads.
   *
   * @param call the {@code tool_call} payload
   * @param outcomeType {@code tool_response} or {@code tool_error}
   * @param outcome its payload
   */
  record Pair(JsonObject call, EventType outcomeType, JsonObject outcome) {}

  static Pair map(OtlpSpan span, SpanAttributes a, SpanEvents events) {
    String name =
        LlmSpans.firstNonBlank(
            a.text("gen_ai.tool.name", "tool.name"),
            span.name().startsWith("execute_tool ") ? span.name().substring(13) : null,
            span.name(),
            "unknown");
    String callId =
        LlmSpans.firstNonBlank(
            a.text("gen_ai.tool.call.id", "tool.id", "tool_call.id"), span.spanId());
    Object arguments = a.take("gen_ai.tool.call.arguments", "tool.parameters", "input.value");
    if (arguments != null) {
      a.take("input.mime_type");
    }
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("toolName", name);
    call.put("callId", callId);
    call.put("arguments", Messages.argumentsObject(arguments));
    JsonNumber duration = JsonNumber.of(SpanMapper.durationMs(span));
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("callId", callId);
    outcome.put("toolName", name);
    Object result = a.take("gen_ai.tool.call.result", "output.value");
    if (result != null) {
      a.take("output.mime_type");
    }
    if (span.status() == OtlpSpan.Status.ERROR) {
      outcome.put("error", SpanMapper.errorMessage(span));
      String code = a.text("error.type");
      if (code != null) {
        outcome.put("errorCode", code);
      }
      outcome.put("durationMs", duration);
      return new Pair(JsonObject.of(call), EventType.TOOL_ERROR, JsonObject.of(outcome));
    }
    outcome.put("result", result == null ? null : Messages.json(result));
    outcome.put("durationMs", duration);
    return new Pair(JsonObject.of(call), EventType.TOOL_RESPONSE, JsonObject.of(outcome));
  }
}
