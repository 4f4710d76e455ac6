package ai.agentlens.app.selfhosted;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * A stdio MCP server that forwards to a running AgentLens server's {@code /mcp} (Streamable HTTP,
 * the key as {@code Authorization: Bearer}): it offers exactly the remote server's tools, so a tool
 * appears only where its feature exists, and passes each call through unchanged. Both ends are the
 * official MCP Java SDK. Connecting checks the key: a refused one fails {@link #start}.
 */
final class McpStdioProxy implements AutoCloseable {

  private final McpSyncClient remote;
  private final McpSyncServer local;

  private McpStdioProxy(McpSyncClient remote, McpSyncServer local) {
    this.remote = remote;
    this.local = local;
  }

  /**
   * Connects to the server and starts serving MCP on the given streams.
   *
   * @param url the server's base URL, e.g. {@code http://localhost:3400}
   * @param key an API key of the org to act in
   * @param in where JSON-RPC messages arrive (stdin)
   * @param out where JSON-RPC messages go (stdout; nothing else may be written there)
   * @param version this program's version, announced to the client
   * @return the running proxy
   */
  static McpStdioProxy start(
      String url, String key, InputStream in, OutputStream out, String version) {
    McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    McpSyncClient remote =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(url)
                    .endpoint("/mcp")
                    .jsonMapper(json)
                    .requestBuilder(
                        HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                    .build())
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    try {
      remote.initialize();
      List<SyncToolSpecification> tools =
          remote.listTools().tools().stream()
              .map(t -> new SyncToolSpecification(t, (exchange, call) -> remote.callTool(call)))
              .toList();
      McpSyncServer local =
          McpServer.sync(new StdioServerTransportProvider(json, in, out))
              .serverInfo("agentlens", version)
              .jsonMapper(json)
              .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
              .tools(tools)
              .build();
      return new McpStdioProxy(remote, local);
    } catch (RuntimeException e) {
      remote.close();
      throw e;
    }
  }

  @Override
  public void close() {
    local.close();
    remote.close();
  }
}
