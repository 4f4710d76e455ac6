package ai.agentlens.web.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The shipped logback.xml: text by default, one JSON object per line with
 * AGENTLENS_LOG_FORMAT=json.
 */
class LogFormatTest {

  @Test
  void jsonFormatWritesOneParsableObjectPerLineWithTheRequestFields() throws Exception {
    String out = logWith("json");
    String[] lines = out.strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("loggerName").asText()).isEqualTo("agentlens.request");
    assertThat(line.get("message").asText()).isEqualTo("r-1 GET /api/health 200");
    assertThat(line.get("mdc").get("requestId").asText()).isEqualTo("r-1");
    assertThat(line.get("kvpList").toString()).contains("\"route\":\"/api/health\"");
  }

  @Test
  void textIsTheDefault() throws Exception {
    String out = logWith(null);
    assertThat(out).contains("INFO  [").contains("agentlens.request - r-1 GET /api/health 200");
    assertThat(out.strip()).doesNotStartWith("{");
  }

  private static String logWith(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    LogbackMDCAdapter mdc = new LogbackMDCAdapter();
    context.setMDCAdapter(mdc);
    if (format != null) {
      context.putProperty("AGENTLENS_LOG_FORMAT", format);
    }
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      Logger log = context.getLogger("agentlens.request");
      mdc.put("requestId", "r-1");
      log.atInfo().addKeyValue("route", "/api/health").log("r-1 GET /api/health 200");
    } finally {
      mdc.remove("requestId");
      context.stop();
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
