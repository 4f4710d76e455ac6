package ai.agentlens.core.enrich;

import java.util.List;
import java.util.Locale;

/**
 * Infers an LLM provider from a model name, for events that name the model but not the provider
 * (the Python SDK's Semantic Kernel and AutoGen handlers). The families are data: a model matches
 * the longest family prefix it starts with, at a word boundary ({@code o1} matches {@code o1-mini}
 * but not {@code omni}). A {@code vendor/model} name (LiteLLM, OpenRouter) names its vendor before
 * the slash; a Bedrock id such as {@code anthropic.claude-3-haiku} names it before the dot.
 */
public final class ModelProviders {

  /** What is reported when the model tells nothing. */
  public static final String UNKNOWN = "unknown";

  private record Family(String prefix, String provider) {}

  private static final List<Family> FAMILIES =
      List.of(
          f("gpt", "openai"),
          f("chatgpt", "openai"),
          f("o1", "openai"),
          f("o3", "openai"),
          f("o4", "openai"),
          f("text-embedding", "openai"),
          f("davinci", "openai"),
          f("babbage", "openai"),
          f("dall-e", "openai"),
          f("whisper", "openai"),
          f("claude", "anthropic"),
          f("gemini", "google"),
          f("gemma", "google"),
          f("text-bison", "google"),
          f("chat-bison", "google"),
          f("mistral", "mistral"),
          f("open-mistral", "mistral"),
          f("mixtral", "mistral"),
          f("codestral", "mistral"),
          f("ministral", "mistral"),
          f("pixtral", "mistral"),
          f("magistral", "mistral"),
          f("devstral", "mistral"),
          f("command", "cohere"),
          f("embed-english", "cohere"),
          f("embed-multilingual", "cohere"),
          f("llama", "meta"),
          f("deepseek", "deepseek"),
          f("grok", "xai"),
          f("qwen", "alibaba"),
          f("jamba", "ai21"),
          f("titan", "amazon"),
          f("nova", "amazon"));

  private static final List<String> BEDROCK_VENDORS =
      List.of("anthropic", "amazon", "meta", "cohere", "mistral", "ai21", "deepseek");

  private ModelProviders() {}

  private static Family f(String prefix, String provider) {
    return new Family(prefix, provider);
  }

  /**
   * Infers the provider of a model.
   *
   * @param model the model name as the client sent it; case-insensitive; may be {@code null}
   * @return the provider in lower case, e.g. {@code openai}, or {@link #UNKNOWN}
   */
  public static String infer(String model) {
    if (model == null || model.isBlank()) {
      return UNKNOWN;
    }
    String name = model.trim().toLowerCase(Locale.ROOT);
    int slash = name.indexOf('/');
    if (slash > 0) {
      return name.substring(0, slash);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && BEDROCK_VENDORS.contains(name.substring(0, dot))) {
      return name.substring(0, dot);
    }
    Family best = null;
    for (Family family : FAMILIES) {
      if (matches(name, family.prefix())
          && (best == null || family.prefix().length() > best.prefix().length())) {
        best = family;
      }
    }
    return best == null ? UNKNOWN : best.provider();
  }

  private static boolean matches(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      return false;
    }
    return name.length() == prefix.length() || !Character.isLetter(name.charAt(prefix.length()));
  }
}
