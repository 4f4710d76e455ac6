package ai.agentlens.web.mcp;

import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * The MCP SDK's stateless Streamable HTTP transport SPI, carried by {@link McpController} instead
 * of the SDK's servlet (Micronaut runs on Netty here): the SDK's server hands its request handler
 * to this bean when it is built, and the controller passes each JSON-RPC message to it.
 */
@Singleton
public class McpTransport implements McpStatelessServerTransport {

  private volatile McpStatelessServerHandler handler;

  @Override
  public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
    this.handler = mcpHandler;
  }

  /**
   * Returns the SDK server's handler.
   *
   * @return the handler
   * @throws IllegalStateException before the server was built
   */
  McpStatelessServerHandler handler() {
    McpStatelessServerHandler h = handler;
    if (h == null) {
      throw new IllegalStateException("the MCP server is not built yet");
    }
    return h;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.empty();
  }
}
