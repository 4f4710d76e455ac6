package ai.agentlens.core.ingest.validation;

import ai.agentlens.core.enrich.ModelProviders;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Normalizes what real SDK integrations send in good faith but the reference schema refuses (the
 * Python SDK's Semantic Kernel, AutoGen and CrewAI handlers), before validation and hashing. Only
 * adds what is missing, never drops what was sent: each change is noted by the field it set, and
 * the notes travel to the event's metadata under {@link IngestRequestParser#NORMALIZED_KEY}.
 *
 * <ul>
 *   <li>{@code llm_call}/{@code llm_response} without {@code provider}: inferred from {@code model}
 *       ({@link ModelProviders}), {@code unknown} when it tells nothing; a response first takes it
 *       from its {@code llm_call} in the same request ({@link LlmPairing})
 *   <li>{@code llm_response}: {@code durationMs} → {@code latencyMs}; flat {@code inputTokens}/
 *       {@code outputTokens} → {@code usage}; no {@code finishReason} → {@code unknown}
 *   <li>{@code session_ended} without {@code reason} → {@code completed}
 *   <li>an empty {@code callId} on an LLM event → {@code unpaired-<uuid>}, paired with nothing
 *   <li>severity {@code warning} → {@code warn}
 *   <li>an event's top-level {@code tags} (not part of the event schema) → {@code payload.tags} of
 *       a {@code session_started}, {@code metadata.tags} otherwise, when not already set there
 * </ul>
 */
final class Leniency {

  private Leniency() {}

  /**
   * Reads a severity alias.
   *
   * @param raw the client's value
   * @param notes where to note the mapping
   * @return the severity it stands for, or {@code null} when it is no known alias
   */
  static Severity severityAlias(String raw, Map<String, String> notes) {
    if ("warning".equals(raw)) {
      notes.put("severity", "'warning' mapped to 'warn'");
      return Severity.WARN;
    }
    return null;
  }

  /**
   * Completes a payload of a known type; a payload it cannot help is returned as it is, and the
   * payload rules then report what is wrong.
   *
   * @param type the event type
   * @param payload the client's payload
   * @param notes where to note each change, by field path
   * @return the payload to validate and store
   */
  static JsonObject payload(EventType type, JsonObject payload, Map<String, String> notes) {
    return switch (type) {
      case LLM_CALL -> provider(unpaired(payload, notes), notes);
      case LLM_RESPONSE -> response(unpaired(payload, notes), notes);
      case SESSION_ENDED -> missing(payload, "reason", "completed", notes);
      default -> payload;
    };
  }

  /**
   * Moves an event's top-level {@code tags} (CrewAI and AutoGen send them beside the payload) to
   * where they mean something.
   *
   * @param type the event type
   * @param tags the top-level value, or {@code null}
   * @param payload the payload (already normalized)
   * @param metadata the metadata, or {@code null}
   * @param notes where to note the move
   * @return {@code [payload, metadata]}, changed or not
   */
  static JsonObject[] topLevelTags(
      EventType type,
      Object tags,
      JsonObject payload,
      JsonObject metadata,
      Map<String, String> notes) {
    JsonObject[] out = {payload, metadata};
    if (!(tags instanceof JsonArray)) {
      return out;
    }
    if (type == EventType.SESSION_STARTED && !payload.containsKey("tags")) {
      out[0] = payload.with("tags", tags);
      notes.put("payload.tags", "moved from the event's top-level tags");
    } else {
      JsonObject m = metadata == null ? JsonObject.EMPTY : metadata;
      if (!m.containsKey("tags")) {
        out[1] = m.with("tags", tags);
        notes.put("metadata.tags", "moved from the event's top-level tags");
      }
    }
    return out;
  }

  /**
   * Infers {@code provider} from {@code model} when it is missing.
   *
   * @param payload the payload
   * @param notes where to note it
   * @return the payload, completed when it named a model
   */
  static JsonObject provider(JsonObject payload, Map<String, String> notes) {
    if (payload.get("provider") != null || !(payload.get("model") instanceof String model)) {
      return payload;
    }
    String provider = ModelProviders.infer(model);
    notes.put(
        "payload.provider",
        ModelProviders.UNKNOWN.equals(provider)
            ? "missing; not inferable from payload.model, set to 'unknown'"
            : "missing; inferred from payload.model");
    return payload.with("provider", provider);
  }

  /**
   * Gives an LLM event with an empty {@code callId} (AutoGen's response after its own call handler
   * failed) an id of its own, so it is stored and never paired with another event by accident.
   */
  private static JsonObject unpaired(JsonObject payload, Map<String, String> notes) {
    if (!(payload.get("callId") instanceof String callId) || !callId.isBlank()) {
      return payload;
    }
    notes.put("payload.callId", "empty; set to an unpaired id of its own");
    return payload.with("callId", "unpaired-" + UUID.randomUUID());
  }

  private static JsonObject response(JsonObject payload, Map<String, String> notes) {
    JsonObject p = payload;
    if (p.get("latencyMs") == null && p.get("durationMs") instanceof JsonNumber duration) {
      p = p.with("latencyMs", duration);
      notes.put("payload.latencyMs", "copied from payload.durationMs");
    }
    if (p.get("usage") == null && flatTokens(p)) {
      JsonNumber in = number(p.get("inputTokens"));
      JsonNumber out = number(p.get("outputTokens"));
      Map<String, Object> usage = new LinkedHashMap<>();
      usage.put("inputTokens", in);
      usage.put("outputTokens", out);
      usage.put(
          "totalTokens",
          p.get("totalTokens") instanceof JsonNumber total
              ? total
              : JsonNumber.of(new BigDecimal(in.text()).add(new BigDecimal(out.text()))));
      p = p.with("usage", JsonObject.of(usage));
      notes.put("payload.usage", "built from payload.inputTokens and payload.outputTokens");
    }
    return missing(p, "finishReason", "unknown", notes);
  }

  private static boolean flatTokens(JsonObject p) {
    Object in = p.get("inputTokens");
    Object out = p.get("outputTokens");
    return (in != null || out != null)
        && (in == null || in instanceof JsonNumber)
        && (out == null || out instanceof JsonNumber);
  }

  private static JsonNumber number(Object v) {
    return v instanceof JsonNumber n ? n : JsonNumber.of(0);
  }

  private static JsonObject missing(
      JsonObject payload, String field, String value, Map<String, String> notes) {
    if (payload.get(field) != null) {
      return payload;
    }
    notes.put("payload." + field, "missing; set to '" + value + "'");
    return payload.with(field, value);
  }
}
