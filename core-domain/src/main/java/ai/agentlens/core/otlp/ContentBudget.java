package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import java.util.List;

/**
 * Keeps an LLM payload under the ingest payload limit by shortening its long texts (message
 * contents, system prompt, completion) rather than letting the whole payload be replaced by the
 * truncation stub, which would lose call id, model and usage: each text is cut to a budget, halved
 * until the payload fits, and the payload is marked {@code "contentTruncated": true}.
 */
final class ContentBudget {

  private ContentBudget() {}

  private static final List<String> CONTENT =
      List.of("messages", "systemPrompt", "tools", "completion", "toolCalls");

  static JsonObject fit(JsonObject payload, int maxBytes) {
    if (fits(payload, maxBytes)) {
      return payload;
    }
    for (int budget = 4096; budget >= 32; budget /= 2) {
      JsonObject cut = payload;
      for (String key : CONTENT) {
        if (payload.get(key) != null) {
          cut = cut.with(key, shorten(payload.get(key), budget));
        }
      }
      cut = cut.with("contentTruncated", true);
      if (fits(cut, maxBytes)) {
        return cut;
      }
    }
    return payload;
  }

  private static boolean fits(JsonObject payload, int maxBytes) {
    return JsonDoc.of(payload).utf8Length() <= maxBytes;
  }

  private static Object shorten(Object value, int max) {
    if (value instanceof String s) {
      if (s.length() <= max) {
        return s;
      }
      // why: never cut between the two halves of a surrogate pair (the text must stay valid)
      int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
      return s.substring(0, end) + "…";
    }
    if (value instanceof JsonObject o) {
      return o.mapValues(v -> shorten(v, max));
    }
    if (value instanceof JsonArray a) {
      return a.mapValues(v -> shorten(v, max));
    }
    return value;
  }
}
