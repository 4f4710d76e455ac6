package ai.agentlens.core.memory;

import java.util.Locale;

/**
 * Which embedding provider a server runs, decided from its settings (the launchers then build the
 * adapter). Rules, in order:
 *
 * <ol>
 *   <li>{@code DISABLE_EMBEDDINGS} set to anything but empty, {@code 0} or {@code false}: none.
 *   <li>{@code AGENTLENS_EMBEDDING_PROVIDER}: {@code onnx} (the in-process model), {@code openai}
 *       (an OpenAI-compatible API) or {@code none}; unset or blank means {@code onnx} on both
 *       launchers; anything else is refused at start-up.
 *   <li>For {@code openai}: the key is {@code AGENTLENS_EMBEDDING_API_KEY}, else {@code
 *       OPENAI_API_KEY}; the base URL {@code AGENTLENS_EMBEDDING_BASE_URL} (default {@code
 *       https://api.openai.com}); the model {@code AGENTLENS_EMBEDDING_MODEL} (default {@code
 *       text-embedding-3-small}).
 * </ol>
 *
 * @param provider the provider
 * @param baseUrl the OpenAI-compatible base URL (openai only, else {@code null})
 * @param model the OpenAI-compatible model (openai only, else {@code null})
 * @param apiKey the key (openai only; {@code null} when none is set)
 */
public record EmbeddingChoice(Provider provider, String baseUrl, String model, String apiKey) {

  /** The default OpenAI-compatible base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com";

  /** The default OpenAI-compatible model. */
  public static final String DEFAULT_MODEL = "text-embedding-3-small";

  /** The providers. */
  public enum Provider {
    /** The in-process ONNX model. */
    ONNX,
    /** An OpenAI-compatible HTTP API. */
    OPENAI,
    /** Embeddings are off. */
    NONE
  }

  /**
   * Decides.
   *
   * @param provider {@code AGENTLENS_EMBEDDING_PROVIDER}, or {@code null}
   * @param disable {@code DISABLE_EMBEDDINGS}, or {@code null}
   * @param baseUrl {@code AGENTLENS_EMBEDDING_BASE_URL}, or {@code null}
   * @param model {@code AGENTLENS_EMBEDDING_MODEL}, or {@code null}
   * @param apiKey {@code AGENTLENS_EMBEDDING_API_KEY}, or {@code null}
   * @param openAiApiKey {@code OPENAI_API_KEY}, or {@code null}
   * @return the choice
   * @throws IllegalArgumentException for an unknown provider (the message names the setting)
   */
  public static EmbeddingChoice decide(
      String provider,
      String disable,
      String baseUrl,
      String model,
      String apiKey,
      String openAiApiKey) {
    if (set(disable)
        && !"0".equals(disable.strip())
        && !"false".equalsIgnoreCase(disable.strip())) {
      return new EmbeddingChoice(Provider.NONE, null, null, null);
    }
    String p = set(provider) ? provider.strip().toLowerCase(Locale.ROOT) : "onnx";
    return switch (p) {
      case "onnx" -> new EmbeddingChoice(Provider.ONNX, null, null, null);
      case "none" -> new EmbeddingChoice(Provider.NONE, null, null, null);
      case "openai" ->
          new EmbeddingChoice(
              Provider.OPENAI,
              set(baseUrl) ? baseUrl.strip() : DEFAULT_BASE_URL,
              set(model) ? model.strip() : DEFAULT_MODEL,
              set(apiKey) ? apiKey.strip() : set(openAiApiKey) ? openAiApiKey.strip() : null);
      default ->
          throw new IllegalArgumentException(
              "AGENTLENS_EMBEDDING_PROVIDER must be onnx, openai or none, not '" + p + "'");
    };
  }

  private static boolean set(String s) {
    return s != null && !s.isBlank();
  }

  @Override
  public String toString() {
    // why: the choice is logged at start-up; the key never is
    return "EmbeddingChoice[provider="
        + provider
        + (provider == Provider.OPENAI
            ? ", baseUrl="
                + baseUrl
                + ", model="
                + model
                + ", apiKey="
                + (apiKey == null ? "none" : "***")
            : "")
        + "]";
  }
}
