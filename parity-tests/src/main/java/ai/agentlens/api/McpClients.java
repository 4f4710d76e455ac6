package ai.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** The MCP Java SDK's client, as the MCP suites use it. */
public final class McpClients {

  /** One JSON mapper for the SDK. */
  public static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

  private static final ObjectMapper TREES = new ObjectMapper();

  private McpClients() {}

  /**
   * Connects the SDK's Streamable HTTP client to a server's {@code /mcp} with an API key.
   *
   * @param baseUrl e.g. {@code http://127.0.0.1:3400}
   * @param key the API key, or {@code null} for none
   * @return the client, not yet initialized
   */
  public static McpSyncClient http(String baseUrl, String key) {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(baseUrl)
            .endpoint("/mcp")
            .jsonMapper(JSON)
            .requestBuilder(request)
            .build();
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(20))
        .initializationTimeout(Duration.ofSeconds(20))
        .build();
  }

  /**
   * Calls a tool and returns its result.
   *
   * @param client an initialized client
   * @param tool the tool name
   * @param args its arguments
   * @return the result
   */
  public static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  /**
   * Returns the text of a result.
   *
   * @param r the result
   * @return its first text content
   */
  public static String text(McpSchema.CallToolResult r) {
    assertThat(r.content()).isNotEmpty();
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  /**
   * Calls a tool that must succeed and parses its JSON text.
   *
   * @param client an initialized client
   * @param tool the tool name
   * @param args its arguments
   * @return the parsed answer
   */
  public static JsonNode ok(McpSyncClient client, String tool, Map<String, Object> args) {
    McpSchema.CallToolResult r = call(client, tool, args);
    assertThat(r.isError()).as(tool + ": " + text(r)).isFalse();
    try {
      return TREES.readTree(text(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
