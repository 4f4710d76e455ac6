package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.guardrail.metric.MetricReadings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SelfhostedMainTest {

  @TempDir Path temp;

  @Test
  void serveStartsTheServerAndCreatesTheDataDirectory() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path dataDir = temp.resolve("a").resolve("b");
    try (var context = ServeCommand.start(new SelfhostedConfig(port, dataDir))) {
      assertThat(dataDir).isDirectory();
      assertThat(context.getEnvironment().getActiveNames()).contains("selfhosted");
      assertThat(context.getBean(MetricReadings.class).recountMillis())
          .as("one process sees every event it stores: windows recounted every 10 minutes")
          .isEqualTo(600_000L);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).startsWith("{\"status\":\"ok\",\"version\":\"");
    }
  }

  @Test
  void unknownSubcommandIsAUsageErrorWithStatus2() {
    StringWriter err = new StringWriter();
    CommandLine cli = SelfhostedMain.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("frobnicate")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unmatched argument")
        .contains("Usage: agentlens-selfhosted");
  }

  @Test
  void badPortOptionIsAUsageErrorWithStatus2() {
    StringWriter err = new StringWriter();
    CommandLine cli = SelfhostedMain.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("serve", "--port", "eighty")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--port'");
  }

  @Test
  void helpListsTheSubcommands() {
    StringWriter out = new StringWriter();
    CommandLine cli = SelfhostedMain.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("serve");
  }

  @Test
  void environmentDefaultsAndValidation() {
    assertThat(SelfhostedConfig.fromEnv(Map.of()))
        .isEqualTo(new SelfhostedConfig(3400, Path.of("agentlens-data")));
    assertThat(
            SelfhostedConfig.fromEnv(
                Map.of("AGENTLENS_PORT", "8080", "AGENTLENS_DATA_DIR", "/srv/al")))
        .isEqualTo(new SelfhostedConfig(8080, Path.of("/srv/al")));
    assertThatThrownBy(() -> SelfhostedConfig.fromEnv(Map.of("AGENTLENS_PORT", "70000")))
        .hasMessage("AGENTLENS_PORT must be a number between 0 and 65535 (got '70000')");
    assertThatThrownBy(() -> SelfhostedConfig.fromEnv(Map.of("AGENTLENS_DATA_DIR", " ")))
        .hasMessage("AGENTLENS_DATA_DIR is empty");
    assertThatThrownBy(() -> new SelfhostedConfig(1, Path.of("x")).with(-5, null))
        .hasMessageContaining("--port must be between 0 and 65535");
  }
}
