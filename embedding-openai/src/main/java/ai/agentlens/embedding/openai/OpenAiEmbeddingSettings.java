package ai.agentlens.embedding.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link OpenAiEmbeddingModel} calls an OpenAI-compatible embeddings API.
 *
 * @param baseUrl the server, e.g. {@code https://api.openai.com}; {@code /v1/embeddings} is
 *     appended (a base URL already ending in {@code /v1} gets only {@code /embeddings})
 * @param model the model name sent and stored beside every vector
 * @param apiKey the bearer key, or {@code null}/blank for a server that needs none
 * @param timeout how long one request may take in all
 * @param dimension the vector length the model answers; an answer of another length is refused
 */
public record OpenAiEmbeddingSettings(
    URI baseUrl, String model, String apiKey, Duration timeout, int dimension) {

  /** OpenAI's default embedding model. */
  public static final String DEFAULT_MODEL = "text-embedding-3-small";

  /** Rejects missing or impossible values (never echoing the key). */
  public OpenAiEmbeddingSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("embedding base URL must be http or https");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("embedding model must not be blank");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("embedding timeout must be > 0");
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException("embedding dimension must be > 0");
    }
  }

  /**
   * The dimension of OpenAI's known embedding models, for settings that do not name one.
   *
   * @param model the model name
   * @return 3072 for {@code text-embedding-3-large}, else 1536 (3-small, ada-002)
   */
  public static int knownDimension(String model) {
    return "text-embedding-3-large".equals(model) ? 3072 : 1536;
  }

  /**
   * The endpoint URL.
   *
   * @return {@code {baseUrl}/v1/embeddings}
   */
  public URI endpoint() {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base.endsWith("/v1") ? base + "/embeddings" : base + "/v1/embeddings");
  }

  @Override
  public String toString() {
    // why: settings end up in logs and exception messages; the key must never be among them
    return "OpenAiEmbeddingSettings[baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null || apiKey.isBlank() ? "none" : "***")
        + ", timeout="
        + timeout
        + ", dimension="
        + dimension
        + "]";
  }
}
