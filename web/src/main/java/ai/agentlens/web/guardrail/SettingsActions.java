package ai.agentlens.web.guardrail;

import ai.agentlens.core.guardrail.RequestCheck;
import ai.agentlens.core.remediation.model.AgentSettings;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The request check's actions that come from the agent's settings (seed 003 R8, set by hand or by a
 * remediation): {@code preferred_model}, {@code system_prompt}, {@code risk_threshold} and {@code
 * disabled_endpoint}; and the calling API key's own limit, {@code key_rate_limit}.
 */
final class SettingsActions {

  private SettingsActions() {}

  static void write(JsonGenerator g, RequestCheck.Outcome o, Integer keyRateLimit)
      throws IOException {
    AgentSettings s = o.settings();
    if (keyRateLimit != null) {
      g.writeStartObject();
      g.writeStringField("type", "key_rate_limit");
      g.writeNumberField("requestsPerMinute", keyRateLimit);
      g.writeBooleanField("limited", o.keyLimited());
      if (o.keyLimited()) {
        g.writeNumberField("retryAfterSeconds", o.retryAfterSeconds());
      }
      g.writeEndObject();
    }
    if (s.preferredModel() != null) {
      g.writeStartObject();
      g.writeStringField("type", "preferred_model");
      g.writeStringField("model", s.preferredModel());
      g.writeEndObject();
    }
    if (s.systemPrompt() != null) {
      g.writeStartObject();
      g.writeStringField("type", "system_prompt");
      g.writeStringField("systemPrompt", s.systemPrompt());
      g.writeEndObject();
    }
    if (s.riskThreshold() != null) {
      g.writeStartObject();
      g.writeStringField("type", "risk_threshold");
      g.writeNumberField("threshold", s.riskThreshold());
      if (o.riskScore() != null) {
        g.writeNumberField("riskScore", o.riskScore());
        g.writeBooleanField("refused", s.tooRisky(o.riskScore()));
      }
      g.writeEndObject();
    }
    if (!empty(s.disabledTools()) || !empty(s.disabledRoutes())) {
      g.writeStartObject();
      g.writeStringField("type", "disabled_endpoint");
      names(g, "tools", s.disabledTools());
      names(g, "routes", s.disabledRoutes());
      if (o.blocked() != null) {
        g.writeStringField("blocked", o.blocked());
      }
      g.writeEndObject();
    }
  }

  private static boolean empty(List<String> l) {
    return l == null || l.isEmpty();
  }

  private static void names(JsonGenerator g, String field, List<String> names) throws IOException {
    g.writeArrayFieldStart(field);
    for (String n : names == null ? List.<String>of() : names) {
      g.writeString(n);
    }
    g.writeEndArray();
  }
}
