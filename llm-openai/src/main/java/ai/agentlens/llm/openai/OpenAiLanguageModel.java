package ai.agentlens.llm.openai;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonSyntaxException;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.llm.LanguageModel;
import ai.agentlens.core.port.llm.LanguageModelException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link LanguageModel} behind an OpenAI-compatible HTTP API: {@code POST
 * {baseUrl}/v1/chat/completions} with {@code {"model","messages":[{role,content}],"max_tokens"}}
 * and {@code Authorization: Bearer key}; the answer is {@code choices[0].message.content}. No
 * temperature or response format is sent, so reasoning models and local servers that refuse them
 * still answer. Every failure (unreachable, timeout, refused key, rate limit, error status,
 * malformed answer, no content) is a {@link LanguageModelException} whose message names the status
 * or fault but never the key or the messages. No retries: the caller stores a failed analysis that
 * a person can run again. Thread-safe.
 */
public final class OpenAiLanguageModel implements LanguageModel {

  private final OpenAiLanguageModelSettings settings;
  private final HttpClient http;

  /**
   * Wires the adapter with its own HTTP client.
   *
   * @param settings where and how to call
   */
  public OpenAiLanguageModel(OpenAiLanguageModelSettings settings) {
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
  public String complete(List<Message> messages, int maxTokens) {
    List<Object> wire = new ArrayList<>();
    for (Message m : messages) {
      wire.add(JsonObject.of(Map.of("role", m.role(), "content", m.content())));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", settings.model());
    body.put("messages", JsonArray.of(wire));
    body.put("max_tokens", JsonNumber.of(maxTokens));
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
    if (response.statusCode() != 200) {
      throw failed(describe(response.statusCode()), null);
    }
    return content(response.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw failed("timed out after " + settings.timeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw failed("could not be reached (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("call interrupted", e);
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

  private String content(String text) {
    Object content;
    try {
      JsonArray choices = JsonReader.readObject(text).array("choices");
      JsonObject message =
          choices == null || choices.size() == 0 || !(choices.get(0) instanceof JsonObject c)
              ? null
              : c.object("message");
      content = message == null ? null : message.get("content");
    } catch (JsonSyntaxException | ClassCastException e) {
      throw failed("answered malformed JSON", null);
    }
    if (!(content instanceof String s) || s.isBlank()) {
      throw failed("answered no message content", null);
    }
    return s;
  }

  private LanguageModelException failed(String what, Throwable cause) {
    return new LanguageModelException(
        "language model " + settings.model() + " at " + settings.endpoint().getHost() + " " + what,
        cause);
  }
}
