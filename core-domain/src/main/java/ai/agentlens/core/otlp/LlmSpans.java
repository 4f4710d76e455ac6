package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code llm_call}/{@code llm_response} payloads (reference §1.5) of an LLM span, always
 * complete: provider and model fall back to {@code unknown}, an unrecorded prompt to one empty user
 * message, a missing finish reason to {@code unknown} ({@code error} for a failed span).
 */
final class LlmSpans {

  private LlmSpans() {}

  /** GenAI operations that are model inferences. */
  static boolean isInference(String operation) {
    return operation != null
        && switch (operation) {
          case "chat", "text_completion", "generate_content", "completion" -> true;
          default -> false;
        };
  }

  /**
   * The two payloads.
   *
   * @param call the {@code llm_call} payload
   * @param response the {@code llm_response} payload
   */
  record Pair(JsonObject call, JsonObject response) {}

  static Pair map(OtlpSpan span, SpanAttributes a, SpanEvents events, String callId) {
    String requestModel = a.text("gen_ai.request.model", "llm.model_name");
    String responseModel = a.text("gen_ai.response.model");
    String model = firstNonBlank(requestModel, responseModel, "unknown");
    String provider =
        firstNonBlank(
            a.text("gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system"),
            inferProvider(model),
            "unknown");
    LlmContent content = LlmContent.read(a, events);

    Map<String, Object> call = new LinkedHashMap<>();
    call.put("callId", callId);
    call.put("provider", provider);
    call.put("model", model);
    List<JsonObject> messages = new ArrayList<>(content.messages());
    if (messages.isEmpty()) {
      messages.add(Messages.text("user", ""));
    }
    call.put("messages", JsonArray.of(messages));
    String system = content.systemPrompt();
    if (system == null) {
      system =
          messages.stream()
              .filter(m -> "system".equals(m.get("role")))
              .findFirst()
              .map(m -> Messages.textOf(m.get("content")))
              .orElse(null);
    }
    if (system != null) {
      call.put("systemPrompt", system);
    }
    JsonObject parameters = Parameters.read(a);
    if (!parameters.isEmpty()) {
      call.put("parameters", parameters);
    }
    if (content.tools() != null) {
      call.put("tools", content.tools());
    }

    Map<String, Object> response = new LinkedHashMap<>();
    response.put("callId", callId);
    response.put("provider", provider);
    response.put("model", firstNonBlank(responseModel, model, "unknown"));
    List<JsonObject> output = content.output();
    response.put("completion", output.isEmpty() ? null : Messages.joinedText(output));
    List<Object> toolCalls = new ArrayList<>();
    output.forEach(
        m -> {
          if (m.get("toolCalls") instanceof JsonArray calls) {
            toolCalls.addAll(calls);
          }
        });
    if (!toolCalls.isEmpty()) {
      response.put("toolCalls", JsonArray.of(toolCalls));
    }
    response.put("finishReason", finishReason(span, a, output));
    response.put("usage", Usage.read(a));
    response.put("latencyMs", JsonNumber.of(SpanMapper.durationMs(span)));
    String responseId = a.text("gen_ai.response.id");
    if (responseId != null) {
      response.put("responseId", responseId);
    }
    if (span.status() == OtlpSpan.Status.ERROR) {
      response.put("error", SpanMapper.errorMessage(span));
    }
    return new Pair(JsonObject.of(call), JsonObject.of(response));
  }

  private static String finishReason(OtlpSpan span, SpanAttributes a, List<JsonObject> output) {
    Object reasons = Messages.json(a.take("gen_ai.response.finish_reasons"));
    if (reasons instanceof JsonArray list && !list.isEmpty() && list.get(0) instanceof String r) {
      return r;
    }
    if (reasons instanceof String r && !r.isBlank()) {
      return r;
    }
    for (JsonObject m : output) {
      if (m.get("finishReason") instanceof String r && !r.isBlank()) {
        return r;
      }
    }
    return span.status() == OtlpSpan.Status.ERROR ? "error" : "unknown";
  }

  /** The provider a model name implies, or {@code null}. */
  static String inferProvider(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    if (m.startsWith("gpt") || m.matches("^o[1-9].*") || m.startsWith("text-embedding")) {
      return "openai";
    }
    if (m.startsWith("claude")) {
      return "anthropic";
    }
    if (m.startsWith("gemini")) {
      return "google";
    }
    if (m.startsWith("mistral") || m.startsWith("mixtral")) {
      return "mistral";
    }
    return null;
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
