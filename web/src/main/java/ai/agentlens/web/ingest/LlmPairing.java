package ai.agentlens.web.ingest;

import ai.agentlens.core.event.EventType;
import ai.agentlens.web.error.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes {@code llm_response} payloads that lack {@code provider} or {@code model} (the real
 * Java SDK omits them) from the {@code llm_call} with the same {@code callId} in the same request,
 * which the SDKs always send together (reference §1.5, §3.6). Still missing afterwards is a 400.
 */
final class LlmPairing {

  private LlmPairing() {}

  static void complete(List<EventFields> events, List<Problem> problems) {
    Map<String, JsonNode> calls = new HashMap<>();
    for (EventFields e : events) {
      if (e.eventType() == EventType.LLM_CALL) {
        calls.put(e.payload().get("callId").asText(), e.payload());
      }
    }
    for (EventFields e : events) {
      if (e.eventType() != EventType.LLM_RESPONSE) {
        continue;
      }
      JsonNode call = calls.get(e.payload().get("callId").asText());
      for (String field : List.of("provider", "model")) {
        JsonNode value = e.payload().get(field);
        if (value != null && !value.isNull()) {
          continue;
        }
        if (call != null) {
          e.payload().set(field, call.get(field));
        } else {
          problems.add(
              new Problem(
                  e.path() + "payload." + field,
                  "is required (or send the matching llm_call in the same request)"));
        }
      }
    }
  }
}
