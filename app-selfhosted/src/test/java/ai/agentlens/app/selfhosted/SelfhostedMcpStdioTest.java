package ai.agentlens.app.selfhosted;

import static ai.agentlens.api.McpClients.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.api.McpApiContract;
import ai.agentlens.api.McpClients;
import ai.agentlens.api.Tenants;
import ai.agentlens.core.plan.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code agentlens-selfhosted mcp} as a desktop MCP client runs it: the SDK's stdio client launches
 * it as a separate process ({@code java … mcp} with {@code AGENTLENS_URL} and {@code
 * AGENTLENS_API_KEY}) against a running self-hosted server, lists the server's tools through it and
 * round-trips session start → log event → query events; a refused key ends the process before the
 * handshake, so the client cannot connect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfhostedMcpStdioTest {

  private SelfhostedStack stack;
  private Tenants.Tenant org;

  @BeforeAll
  void start() {
    stack = SelfhostedStack.start(Map.of());
    org = new Tenants(stack).create(Plan.TEAM, null);
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private McpSyncClient launch(String key, Duration timeout) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ServerParameters process =
        ServerParameters.builder(java)
            .args(
                "-cp", System.getProperty("java.class.path"), SelfhostedMain.class.getName(), "mcp")
            .addEnvVar("AGENTLENS_URL", stack.url())
            .addEnvVar("AGENTLENS_API_KEY", key)
            .build();
    return McpClient.sync(new StdioClientTransport(process, McpClients.JSON))
        .requestTimeout(timeout)
        .initializationTimeout(timeout)
        .build();
  }

  @Test
  void aStdioClientListsTheToolsAndRoundTripsASession() throws Exception {
    try (McpSyncClient client = launch(org.key(), Duration.ofSeconds(30))) {
      client.initialize();
      List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertThat(names).containsExactlyInAnyOrderElementsOf(McpApiContract.TOOLS);
      String session =
          ok(client, "agentlens_session_start", Map.of("agentId", "stdio-agent"))
              .get("sessionId")
              .asText();
      ok(
          client,
          "agentlens_log_event",
          Map.of(
              "sessionId",
              session,
              "agentId",
              "stdio-agent",
              "eventType",
              "custom",
              "payload",
              Map.of("type", "note", "data", Map.of("n", 1))));
      JsonNode events = ok(client, "agentlens_query_events", Map.of("sessionId", session));
      Instant until = Instant.now().plusSeconds(10);
      while (events.get("total").asInt() < 2 && Instant.now().isBefore(until)) {
        Thread.sleep(100);
        events = ok(client, "agentlens_query_events", Map.of("sessionId", session));
      }
      assertThat(events.get("total").asInt()).isEqualTo(2);
      assertThat(events.get("events").get(0).get("payload").get("type").asText()).isEqualTo("note");
      McpSchema.CallToolResult theirs =
          McpClients.call(
              client, "agentlens_sessions", Map.of("action", "detail", "sessionId", "nope"));
      assertThat(theirs.isError()).isTrue();
    }
  }

  @Test
  void aRefusedKeyEndsTheProcessAndTheClientCannotConnect() {
    try (McpSyncClient client =
        launch("al_live_notavalidkeynotavalidkey1234", Duration.ofSeconds(10))) {
      assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
    }
  }
}
