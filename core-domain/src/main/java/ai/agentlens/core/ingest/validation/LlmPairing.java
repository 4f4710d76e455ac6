package ai.agentlens.core.ingest.validation;

import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes {@code llm_response} payloads that lack {@code provider} or {@code model} (the real
 * Java SDK omits them) from the {@code llm_call} with the same {@code callId} in the same request,
 * which the SDKs always send together (reference §1.5, §3.6). Without that call, a missing {@code
 * provider} is inferred from {@code model} ({@link Leniency}, noted in the event's metadata); a
 * missing {@code model} is a problem.
 */
final class LlmPairing {

  private LlmPairing() {}

  /**
   * Completes the responses of validated events, replacing their fields in {@code events}.
   *
   * @param events the request's events, all valid
   * @param problems where to add the fields still missing
   */
  static void complete(List<EventFields> events, List<Problem> problems) {
    Map<String, JsonObject> calls = new HashMap<>();
    for (EventFields e : events) {
      if (e.eventType() == EventType.LLM_CALL) {
        calls.put(e.payload().string("callId"), e.payload());
      }
    }
    for (int i = 0; i < events.size(); i++) {
      EventFields e = events.get(i);
      if (e.eventType() != EventType.LLM_RESPONSE) {
        continue;
      }
      JsonObject call = calls.get(e.payload().string("callId"));
      JsonObject payload = e.payload();
      for (String field : List.of("provider", "model")) {
        if (payload.get(field) != null) {
          continue;
        }
        if (call != null) {
          // why: not noted in metadata; this completion predates the notes, and stored hashes of
          // Java SDK responses must stay what they were
          payload = payload.with(field, call.get(field));
        } else if (field.equals("provider") && payload.get("model") != null) {
          payload = Leniency.provider(payload, e.normalized());
        } else {
          problems.add(
              new Problem(
                  e.path() + "payload." + field,
                  "is required (or send the matching llm_call in the same request)"));
        }
      }
      if (payload != e.payload()) {
        events.set(i, e.withPayload(payload));
      }
    }
  }
}
