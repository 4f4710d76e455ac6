package ai.agentlens.llm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link OpenAiLanguageModel} calls an OpenAI-compatible chat-completions API.
 *
 * @param baseUrl the server, e.g. {@code https://api.openai.com}; {@code /v1/chat/completions} is
 *     appended (a base URL already ending in {@code /v1} gets only {@code /chat/completions})
 * @param model the model name sent, and named in each analysis it writes
 * @param apiKey the bearer key, or {@code null}/blank for a server that needs none
 * @param timeout how long one request may take in all
 */
public record OpenAiLanguageModelSettings(
    URI baseUrl, String model, String apiKey, Duration timeout) {

  /** Rejects missing or impossible values (never echoing the key). */
  public OpenAiLanguageModelSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("language model base URL must be http or https");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("language model name must not be blank");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("language model timeout must be > 0");
    }
  }

  /**
   * The endpoint URL.
   *
   * @return {@code {baseUrl}/v1/chat/completions}
   */
  public URI endpoint() {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + (base.endsWith("/v1") ? "" : "/v1") + "/chat/completions");
  }

  @Override
  public String toString() {
    // why: settings end up in logs and exception messages; the key must never be among them
    return "OpenAiLanguageModelSettings[baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null || apiKey.isBlank() ? "none" : "***")
        + ", timeout="
        + timeout
        + "]";
  }
}
