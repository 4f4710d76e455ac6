package ai.agentlens.web.read;

import ai.agentlens.core.remediation.model.AgentSettings;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** The agent read's fields from its effective settings (seed 003 R8), each only when set. */
final class AgentSettingsJson {

  private AgentSettingsJson() {}

  static void write(JsonGenerator g, AgentSettings s) throws IOException {
    if (s.systemPrompt() != null) {
      g.writeStringField("systemPrompt", s.systemPrompt());
    }
    if (s.riskThreshold() != null) {
      g.writeNumberField("riskThreshold", s.riskThreshold());
    }
    if (s.rateLimitPerMinute() != null) {
      g.writeNumberField("rateLimitPerMinute", s.rateLimitPerMinute());
    }
    names(g, "disabledTools", s.disabledTools());
    names(g, "disabledRoutes", s.disabledRoutes());
  }

  private static void names(JsonGenerator g, String field, List<String> names) throws IOException {
    if (names == null || names.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (String n : names) {
      g.writeString(n);
    }
    g.writeEndArray();
  }
}
