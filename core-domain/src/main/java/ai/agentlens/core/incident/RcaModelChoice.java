package ai.agentlens.core.incident;

import java.util.Locale;

/**
 * Which model analyses incidents (docs/incidents.md, "Root-cause analysis"), decided from the
 * server's settings; the launchers then build the adapter. {@code AGENTLENS_RCA_PROVIDER}: {@code
 * builtin} (the default: the deterministic analysis, no network) or {@code openai} (an
 * OpenAI-compatible chat-completions API); anything else is refused at start-up. For {@code
 * openai}: the key is {@code AGENTLENS_RCA_API_KEY}, else {@code OPENAI_API_KEY}; the base URL
 * {@code AGENTLENS_RCA_BASE_URL} (default {@code https://api.openai.com}); the model {@code
 * AGENTLENS_RCA_MODEL} (default {@code gpt-4o-mini}).
 *
 * @param model {@code true} for an OpenAI-compatible model, {@code false} for the built-in one
 * @param baseUrl the base URL (model only, else {@code null})
 * @param name the model's name (model only, else {@code null})
 * @param apiKey the key (model only; {@code null} when none is set)
 */
public record RcaModelChoice(boolean model, String baseUrl, String name, String apiKey) {

  /** The default OpenAI-compatible base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com";

  /** The default model. */
  public static final String DEFAULT_MODEL = "gpt-4o-mini";

  /**
   * Decides.
   *
   * @param provider {@code AGENTLENS_RCA_PROVIDER}, or {@code null}
   * @param baseUrl {@code AGENTLENS_RCA_BASE_URL}, or {@code null}
   * @param name {@code AGENTLENS_RCA_MODEL}, or {@code null}
   * @param apiKey {@code AGENTLENS_RCA_API_KEY}, or {@code null}
   * @param openAiApiKey {@code OPENAI_API_KEY}, or {@code null}
   * @return the choice
   * @throws IllegalArgumentException for an unknown provider (the message names the setting)
   */
  public static RcaModelChoice decide(
      String provider, String baseUrl, String name, String apiKey, String openAiApiKey) {
    String p = set(provider) ? provider.strip().toLowerCase(Locale.ROOT) : "builtin";
    return switch (p) {
      case "builtin" -> new RcaModelChoice(false, null, null, null);
      case "openai" ->
          new RcaModelChoice(
              true,
              set(baseUrl) ? baseUrl.strip() : DEFAULT_BASE_URL,
              set(name) ? name.strip() : DEFAULT_MODEL,
              set(apiKey) ? apiKey.strip() : set(openAiApiKey) ? openAiApiKey.strip() : null);
      default ->
          throw new IllegalArgumentException(
              "AGENTLENS_RCA_PROVIDER must be builtin or openai, not '" + p + "'");
    };
  }

  private static boolean set(String s) {
    return s != null && !s.isBlank();
  }

  @Override
  public String toString() {
    // why: the choice is logged at start-up; the key never is
    return model
        ? "RcaModelChoice[openai, baseUrl="
            + baseUrl
            + ", model="
            + name
            + ", apiKey="
            + (apiKey == null ? "none" : "***")
            + "]"
        : "RcaModelChoice[builtin]";
  }
}
