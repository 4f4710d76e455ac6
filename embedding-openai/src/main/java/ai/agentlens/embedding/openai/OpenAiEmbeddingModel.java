package ai.agentlens.embedding.openai;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonSyntaxException;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EmbeddingModel} behind an OpenAI-compatible HTTP API: {@code POST
 * {baseUrl}/v1/embeddings} with {@code {"model","input":[…]}} and {@code Authorization: Bearer
 * key}; the answer's {@code data[].embedding} are put back in input order by their {@code index}.
 * Every failure (refused key, rate limit, server error, timeout, malformed answer, wrong count or
 * dimension) is an {@link EmbeddingUnavailableException} whose message names the status or fault
 * but never the key or the texts. No retries: the embedding worker counts a failed batch and goes
 * on. Thread-safe.
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {

  private final OpenAiEmbeddingSettings settings;
  private final HttpClient http;

  /**
   * Wires the adapter with its own HTTP client.
   *
   * @param settings where and how to call
   */
  public OpenAiEmbeddingModel(OpenAiEmbeddingSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String name() {
    return settings.model();
  }

  @Override
  public int dimension() {
    return settings.dimension();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", settings.model());
    body.put("input", JsonArray.of(texts));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.endpoint())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JsonWriter.write(JsonObject.of(body)), StandardCharsets.UTF_8));
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpResponse<String> response = send(request.build());
    int status = response.statusCode();
    if (status != 200) {
      throw unavailable(describe(status), null);
    }
    return parse(response.body(), texts.size());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw unavailable("timed out after " + settings.timeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw unavailable("could not be reached (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("call interrupted", e);
    }
  }

  private static String describe(int status) {
    if (status == 401 || status == 403) {
      return "refused the API key (HTTP " + status + ")";
    }
    if (status == 429) {
      return "is rate limiting or out of quota (HTTP 429)";
    }
    return "answered HTTP " + status;
  }

  private List<float[]> parse(String text, int expected) {
    JsonArray data;
    try {
      data = JsonReader.readObject(text).array("data");
    } catch (JsonSyntaxException | ClassCastException e) {
      throw unavailable("answered malformed JSON", null);
    }
    if (data == null || data.size() != expected) {
      throw unavailable(
          "answered " + (data == null ? "no data" : data.size() + " vectors") + " for " + expected,
          null);
    }
    float[][] out = new float[expected][];
    for (Object item : data) {
      if (!(item instanceof JsonObject o)
          || !(o.get("index") instanceof Number index)
          || !(o.get("embedding") instanceof JsonArray vector)) {
        throw unavailable("answered an item without index or embedding", null);
      }
      int i = index.intValue();
      if (i < 0 || i >= expected || out[i] != null) {
        throw unavailable("answered a wrong or repeated index", null);
      }
      out[i] = floats(vector);
    }
    return new ArrayList<>(Arrays.asList(out));
  }

  private float[] floats(JsonArray vector) {
    if (vector.size() != settings.dimension()) {
      throw unavailable(
          "answered vectors of "
              + vector.size()
              + " dimensions, expected "
              + settings.dimension()
              + " (set the embedding dimension to match the model)",
          null);
    }
    float[] v = new float[vector.size()];
    for (int i = 0; i < v.length; i++) {
      if (!(vector.get(i) instanceof Number n)) {
        throw unavailable("answered a vector with a non-number", null);
      }
      v[i] = n.floatValue();
    }
    return v;
  }

  private EmbeddingUnavailableException unavailable(String what, Throwable cause) {
    return new EmbeddingUnavailableException(
        "embedding service " + settings.endpoint().getHost() + " " + what, cause);
  }
}
