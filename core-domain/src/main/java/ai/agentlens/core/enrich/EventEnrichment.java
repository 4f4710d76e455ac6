package ai.agentlens.core.enrich;

import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the worker does to an event before it is stored (docs/architecture.md, "The ingestion
 * path"), in this order: prompt masking (PC-07), server-side redaction (PC-06), and {@code costUsd}
 * from the model price table when the client sent none. The hash is computed later, over the
 * result.
 *
 * <p>It works on the trees the event's documents hold (parsed at most once) and copies on write: a
 * document whose tree did not change is kept as it is, text included, and a changed one is written
 * once. Events that need none of it are returned as they are, without parsing. Thread-safe.
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
   * @return the event to store ({@code event} itself when nothing changed)
   * @throws ai.agentlens.core.json.JsonSyntaxException when a document it must read is not a JSON
   *     object
   */
  public static Event apply(Event event, OrgSettings settings, RedactionRules rules) {
    boolean mask = settings.promptMasking() && PromptMasking.applies(event.eventType());
    boolean cost =
        event.eventType() == EventType.LLM_RESPONSE || event.eventType() == EventType.COST_TRACKED;
    if (!mask && !cost && rules.isEmpty()) {
      return event;
    }
    JsonObject payload = event.payload().tree();
    JsonObject metadata = null;
    if (mask) {
      payload = PromptMasking.mask(event.eventType(), payload);
    }
    if (!rules.isEmpty()) {
      payload = (JsonObject) redact(payload, rules);
      metadata = (JsonObject) redact(event.metadata().tree(), rules);
    }
    if (cost && payload.get("costUsd") == null) {
      Optional<BigDecimal> usd = serverCost(event.eventType(), payload);
      if (usd.isPresent()) {
        payload = payload.with("costUsd", JsonNumber.of(usd.get()));
        metadata =
            (metadata != null ? metadata : event.metadata().tree())
                .with(PRICING_VERSION_KEY, ModelPrices.VERSION);
      }
    }
    JsonDoc p = changed(event.payload(), payload);
    JsonDoc m = metadata == null ? event.metadata() : changed(event.metadata(), metadata);
    return p == event.payload() && m == event.metadata() ? event : event.withContent(p, m);
  }

  private static JsonDoc changed(JsonDoc before, JsonObject after) {
    return before.isParsed() && before.tree() == after ? before : JsonDoc.of(after);
  }

  private static Optional<BigDecimal> serverCost(EventType type, JsonObject payload) {
    JsonObject tokens = type == EventType.LLM_RESPONSE ? payload.object("usage") : payload;
    String model = payload.string("model");
    if (tokens == null || model == null) {
      return Optional.empty();
    }
    return ModelPrices.cost(
        model, count(tokens.get("inputTokens")), count(tokens.get("outputTokens")));
  }

  private static long count(Object value) {
    return value instanceof JsonNumber n ? Math.max(0, n.longValue()) : 0;
  }

  /** Every string of a tree redacted; containers without a match are kept, not copied. */
  private static Object redact(Object node, RedactionRules rules) {
    if (node instanceof String s) {
      return rules.apply(s);
    }
    if (node instanceof JsonObject o) {
      return o.mapValues(v -> redact(v, rules));
    }
    if (node instanceof JsonArray a) {
      return a.mapValues(v -> redact(v, rules));
    }
    return node;
  }

  /** Masks prompt and completion texts (PC-07), keeping model, tokens, cost and latency. */
  static final class PromptMasking {

    private PromptMasking() {}

    static boolean applies(EventType type) {
      return type == EventType.LLM_CALL || type == EventType.LLM_RESPONSE;
    }

    static JsonObject mask(EventType type, JsonObject payload) {
      JsonObject out;
      if (type == EventType.LLM_CALL) {
        out = maskString(payload, "systemPrompt");
        JsonArray messages = out.array("messages");
        if (messages != null) {
          out =
              out.with(
                  "messages",
                  messages.mapValues(m -> m instanceof JsonObject msg ? maskContent(msg) : m));
        }
      } else {
        out = maskString(payload, "completion");
      }
      return out.with("masked", true);
    }

    private static JsonObject maskContent(JsonObject message) {
      Object content = message.get("content");
      if (content instanceof String) {
        return maskString(message, "content");
      }
      if (content instanceof JsonArray parts) {
        return message.with(
            "content",
            parts.mapValues(p -> p instanceof JsonObject part ? maskString(part, "text") : p));
      }
      return message;
    }

    private static JsonObject maskString(JsonObject o, String key) {
      String s = o.string(key);
      return s == null ? o : o.with(key, masked(s));
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
