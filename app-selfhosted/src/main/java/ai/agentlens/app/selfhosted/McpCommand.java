package ai.agentlens.app.selfhosted;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code mcp}: a stdio MCP server for desktop MCP clients, forwarding to a running AgentLens server
 * named by {@code AGENTLENS_URL} (default {@code http://localhost:3400}) with the API key {@code
 * AGENTLENS_API_KEY}. Standard output carries only JSON-RPC: everything else (logs included) goes
 * to standard error. Runs until standard input closes.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description =
        "Serve MCP over stdio, forwarding to the server at AGENTLENS_URL with AGENTLENS_API_KEY.")
final class McpCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;

  McpCommand() {
    this(System.getenv());
  }

  McpCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    String url = env.getOrDefault("AGENTLENS_URL", "http://localhost:3400").trim();
    String key = env.getOrDefault("AGENTLENS_API_KEY", "").trim();
    if (key.isEmpty()) {
      err.println("agentlens-selfhosted mcp: set AGENTLENS_API_KEY to an API key of your org");
      return 2;
    }
    PrintStream stdout = System.out;
    // why: JSON-RPC owns stdout; log lines (console appenders write to System.out) go to stderr
    System.setOut(System.err);
    CountDownLatch closed = new CountDownLatch(1);
    InputStream stdin =
        new FilterInputStream(System.in) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
              closed.countDown();
            }
            return n;
          }
        };
    try (McpStdioProxy proxy =
        McpStdioProxy.start(
            url, key, stdin, stdout, new ai.agentlens.web.health.BuildInfo().version())) {
      err.println("agentlens-selfhosted mcp: serving MCP on stdio for " + url);
      closed.await();
      return 0;
    } catch (RuntimeException e) {
      err.println(
          "agentlens-selfhosted mcp: cannot connect to "
              + url
              + "/mcp (is the server running and the key valid?): "
              + e.getMessage());
      return 1;
    }
  }
}
