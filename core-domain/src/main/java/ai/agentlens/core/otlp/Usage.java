package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code usage} object of an {@code llm_response} from token attributes, current names first:
 * {@code gen_ai.usage.input_tokens|output_tokens}, then the deprecated {@code
 * prompt_tokens|completion_tokens}, then OpenInference's {@code llm.token_count.*}; cache read and
 * write, and reasoning ("thinking") tokens likewise. Absent counts are 0; the total is the sum when
 * not sent.
 */
final class Usage {

  private Usage() {}

  static JsonObject read(SpanAttributes a) {
    JsonNumber in =
        a.number(
            "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt");
    JsonNumber out =
        a.number(
            "gen_ai.usage.output_tokens",
            "gen_ai.usage.completion_tokens",
            "llm.token_count.completion");
    JsonNumber total = a.number("gen_ai.usage.total_tokens", "llm.token_count.total");
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("inputTokens", orZero(in));
    usage.put("outputTokens", orZero(out));
    usage.put("totalTokens", total != null ? total : sum(in, out));
    put(
        usage,
        "thinkingTokens",
        a.number(
            "gen_ai.usage.reasoning.output_tokens",
            "gen_ai.usage.reasoning_tokens",
            "llm.token_count.completion_details.reasoning"));
    put(
        usage,
        "cacheReadTokens",
        a.number(
            "gen_ai.usage.cache_read.input_tokens",
            "gen_ai.usage.cache_read_input_tokens",
            "llm.token_count.prompt_details.cache_read"));
    put(
        usage,
        "cacheWriteTokens",
        a.number(
            "gen_ai.usage.cache_creation.input_tokens",
            "gen_ai.usage.cache_creation_input_tokens",
            "llm.token_count.prompt_details.cache_write"));
    return JsonObject.of(usage);
  }

  private static JsonNumber orZero(JsonNumber n) {
    return n != null ? n : JsonNumber.of(0);
  }

  private static JsonNumber sum(JsonNumber a, JsonNumber b) {
    BigDecimal x = a == null ? BigDecimal.ZERO : new BigDecimal(a.text());
    BigDecimal y = b == null ? BigDecimal.ZERO : new BigDecimal(b.text());
    return JsonNumber.of(x.add(y));
  }

  private static void put(Map<String, Object> usage, String key, JsonNumber n) {
    if (n != null) {
      usage.put(key, n);
    }
  }
}
