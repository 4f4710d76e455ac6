package ai.agentlens.core.enrich;

import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.Json;
import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the worker does to an event before it is stored (DESIGN.md "Ingestion pipeline"), in this
 * order: prompt masking (PC-07), server-side redaction (PC-06), and {@code costUsd} from the model
 * price table when the client sent none. The hash is computed later, over the result. Events that
 * need none of it are returned as they are, without parsing.
 */
public final class EventEnrichment {

  /** Metadata key naming the price table a server-computed cost came from. */
  public static final String PRICING_VERSION_KEY = "pricingVersion";

  private EventEnrichment() {}

  /**
   * Enriches one event.
   *
   * @param event an unwritten event
   * @param settings its org's settings
   * @param rules its org's compiled redaction rules
   * @return the event to store
   */
  public static Event apply(Event event, OrgSettings settings, RedactionRules rules) {
    boolean mask = settings.promptMasking() && PromptMasking.applies(event.eventType());
    boolean cost =
        event.eventType() == EventType.LLM_RESPONSE || event.eventType() == EventType.COST_TRACKED;
    if (!mask && !cost && rules.isEmpty()) {
      return event;
    }
    JsonObject payload = parse(event.payload());
    JsonObject metadata = parse(event.metadata());
    if (mask) {
      PromptMasking.mask(event.eventType(), payload);
    }
    if (!rules.isEmpty()) {
      redact(payload, rules);
      redact(metadata, rules);
    }
    if (cost && payload.get("costUsd") == null) {
      serverCost(event.eventType(), payload)
          .ifPresent(
              usd -> {
                payload.put("costUsd", usd);
                metadata.put(PRICING_VERSION_KEY, ModelPrices.VERSION);
              });
    }
    return Event.unwritten(
        event.id(),
        event.orgId(),
        event.sessionId(),
        event.agentId(),
        event.eventType(),
        event.severity(),
        event.timestamp(),
        JsonWriter.string(payload),
        JsonWriter.string(metadata));
  }

  private static Optional<BigDecimal> serverCost(EventType type, JsonObject payload) {
    JsonObject tokens = type == EventType.LLM_RESPONSE ? payload.getObject("usage") : payload;
    Object model = payload.get("model");
    if (tokens == null || !(model instanceof String name)) {
      return Optional.empty();
    }
    return ModelPrices.cost(
        name, count(tokens.get("inputTokens")), count(tokens.get("outputTokens")));
  }

  private static long count(Object value) {
    return value instanceof Number n ? Math.max(0, n.longValue()) : 0;
  }

  @SuppressWarnings("unchecked")
  private static void redact(Object node, RedactionRules rules) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        if (e.getValue() instanceof String s) {
          e.setValue(rules.apply(s));
        } else {
          redact(e.getValue(), rules);
        }
      }
    } else if (node instanceof List<?> list) {
      List<Object> items = (List<Object>) list;
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof String s) {
          items.set(i, rules.apply(s));
        } else {
          redact(items.get(i), rules);
        }
      }
    }
  }

  static JsonObject parse(String text) {
    // why: nanojson allocates a 64 KiB buffer per parse; this parser keeps number texts as well
    return Json.objectKeepingNumbers(text);
  }

  /** Masks prompt and completion texts (PC-07), keeping model, tokens, cost and latency. */
  static final class PromptMasking {

    private PromptMasking() {}

    static boolean applies(EventType type) {
      return type == EventType.LLM_CALL || type == EventType.LLM_RESPONSE;
    }

    static void mask(EventType type, JsonObject payload) {
      if (type == EventType.LLM_CALL) {
        maskString(payload, "systemPrompt");
        JsonArray messages = payload.getArray("messages");
        if (messages != null) {
          for (Object m : messages) {
            if (m instanceof JsonObject message) {
              maskContent(message);
            }
          }
        }
      } else {
        maskString(payload, "completion");
      }
      payload.put("masked", true);
    }

    private static void maskContent(JsonObject message) {
      Object content = message.get("content");
      if (content instanceof String) {
        maskString(message, "content");
      } else if (content instanceof JsonArray parts) {
        for (Object part : parts) {
          if (part instanceof JsonObject p) {
            maskString(p, "text");
          }
        }
      }
    }

    private static void maskString(JsonObject o, String key) {
      if (o.get(key) instanceof String s) {
        o.put(key, masked(s));
      }
    }

    /** {@code [masked sha256:<first 16 hex>]}: equal prompts stay recognizable, content is gone. */
    static String masked(String text) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "[masked sha256:" + HexFormat.of().formatHex(digest, 0, 8) + "]";
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from the JDK", e);
      }
    }
  }
}
