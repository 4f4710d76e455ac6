package ai.agentlens.web.mcp;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.web.auth.ApiKeyAuth;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MCP server over Streamable HTTP at {@code /mcp}, stateless (no {@code Mcp-Session-Id}): each
 * {@code POST} carries one JSON-RPC message and is authenticated by an API key ({@code
 * Authorization: Bearer}, the ingest keys; 401 otherwise); a request is answered with its JSON-RPC
 * response, a notification with {@code 202}. {@code GET} (a server-to-client stream) and {@code
 * DELETE} (ending a session) are {@code 405}, as the SDK's own stateless transport answers them.
 * Every tool acts in the key's org. Not in the OpenAPI document: JSON-RPC, described in
 * docs/mcp.md.
 */
@Hidden
@Controller("/mcp")
@ExecuteOn(TaskExecutors.BLOCKING)
public class McpController {

  private final ApiKeyAuth auth;
  private final McpTransport transport;
  private final McpJsonMapper json;

  McpController(
      ApiKeyAuth auth, McpTransport transport, McpJsonMapper json, McpStatelessSyncServer server) {
    // why: the server is injected only so that it is built (and hands over its handler) first
    this.auth = auth;
    this.transport = transport;
    this.json = json;
  }

  @Post(produces = MediaType.APPLICATION_JSON)
  @Consumes(MediaType.ALL)
  MutableHttpResponse<?> post(HttpRequest<?> request, @Body byte[] body) throws IOException {
    ApiKeyPrincipal key = auth.require(request);
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      return error(McpSchema.ErrorCodes.PARSE_ERROR, "Invalid JSON-RPC message");
    }
    McpTransportContext context = McpTransportContext.create(Map.of(McpTools.KEY, key));
    if (message instanceof McpSchema.JSONRPCRequest r) {
      McpSchema.JSONRPCResponse response =
          transport
              .handler()
              .handleRequest(context, r)
              .contextWrite(c -> c.put(McpTransportContext.KEY, context))
              .block();
      return HttpResponse.ok(json.writeValueAsString(response))
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    if (message instanceof McpSchema.JSONRPCNotification n) {
      transport
          .handler()
          .handleNotification(context, n)
          .contextWrite(c -> c.put(McpTransportContext.KEY, context))
          .block();
      return HttpResponse.accepted();
    }
    return error(
        McpSchema.ErrorCodes.INVALID_REQUEST, "The server accepts requests and notifications");
  }

  @Get
  MutableHttpResponse<?> stream() {
    return HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "POST");
  }

  @Delete
  MutableHttpResponse<?> end() {
    return HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "POST");
  }

  private MutableHttpResponse<?> error(int code, String message) throws IOException {
    // why: the SDK's JSONRPCResponse refuses a null id, which a message we cannot read has
    // (JSON-RPC
    // 2.0 §5: "id" is null when it could not be detected), so the error is written as a plain map
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    response.put("id", null);
    response.put("error", Map.of("code", code, "message", message));
    return HttpResponse.badRequest(json.writeValueAsString(response))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
