package ai.agentlens.web.compliance;

import ai.agentlens.core.agentcard.AgentCard;
import ai.agentlens.core.agentcard.AgentCard.ModelSeen;
import ai.agentlens.core.agentcard.AgentCard.ToolSeen;
import ai.agentlens.core.health.AgentHealthReport;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes an {@link AgentCard} in the A2A Agent Card shape (protocol 0.3) where its fields apply:
 * {@code protocolVersion}, {@code name}, {@code description}, {@code provider.organization}, {@code
 * capabilities}, {@code defaultInputModes}/{@code defaultOutputModes}, {@code skills} (one per tool
 * seen). What AgentLens observed travels in an A2A extension under {@code capabilities.extensions},
 * URI {@value #EXTENSION_URI}. {@code url} and {@code version} are omitted: an observed agent
 * reports neither where it is served nor its version.
 */
final class AgentCardJson {

  /** The A2A protocol version the card follows. */
  static final String PROTOCOL_VERSION = "0.3.0";

  /** The URI naming the AgentLens extension. */
  static final String EXTENSION_URI = "https://agentlens.dev/a2a/extensions/observed-agent/v1";

  private AgentCardJson() {}

  static void card(JsonGenerator g, AgentCard c) throws IOException {
    g.writeStartObject();
    g.writeStringField("protocolVersion", PROTOCOL_VERSION);
    g.writeStringField("name", c.name());
    g.writeStringField(
        "description",
        "Agent '"
            + c.agentId()
            + "' as observed by AgentLens: "
            + c.sessionCount()
            + " session(s), "
            + c.models().size()
            + " model(s), "
            + c.tools().size()
            + " tool(s) seen.");
    g.writeObjectFieldStart("provider");
    g.writeStringField("organization", c.orgName());
    g.writeEndObject();
    g.writeObjectFieldStart("capabilities");
    g.writeBooleanField("streaming", false);
    g.writeBooleanField("pushNotifications", false);
    g.writeBooleanField("stateTransitionHistory", false);
    g.writeArrayFieldStart("extensions");
    g.writeStartObject();
    g.writeStringField("uri", EXTENSION_URI);
    g.writeStringField("description", "What AgentLens observed of this agent");
    g.writeBooleanField("required", false);
    g.writeFieldName("params");
    observed(g, c);
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("defaultInputModes");
    g.writeString("text/plain");
    g.writeEndArray();
    g.writeArrayFieldStart("defaultOutputModes");
    g.writeString("text/plain");
    g.writeEndArray();
    g.writeArrayFieldStart("skills");
    for (ToolSeen t : c.tools()) {
      g.writeStartObject();
      g.writeStringField("id", t.name());
      g.writeStringField("name", t.name());
      g.writeStringField("description", "Tool called " + t.calls() + " time(s)");
      g.writeArrayFieldStart("tags");
      g.writeString("tool");
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void observed(JsonGenerator g, AgentCard c) throws IOException {
    g.writeStartObject();
    g.writeStringField("agentId", c.agentId());
    g.writeObjectFieldStart("ownerOrg");
    g.writeStringField("id", c.orgId());
    g.writeStringField("name", c.orgName());
    g.writeEndObject();
    ComplianceJson.time(g, "firstSeenAt", c.firstSeenAt());
    ComplianceJson.time(g, "lastSeenAt", c.lastSeenAt());
    g.writeNumberField("sessionCount", c.sessionCount());
    g.writeArrayFieldStart("models");
    for (ModelSeen m : c.models()) {
      g.writeStartObject();
      g.writeStringField("provider", m.provider());
      g.writeStringField("model", m.model());
      g.writeNumberField("calls", m.calls());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tools");
    for (ToolSeen t : c.tools()) {
      g.writeStartObject();
      g.writeStringField("name", t.name());
      g.writeNumberField("calls", t.calls());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("toolsTruncated", c.toolsTruncated());
    health(g, c.health());
    g.writeArrayFieldStart("guardrails");
    g.writeEndArray();
    g.writeStringField("guardrailsStatus", "not available");
    g.writeEndObject();
  }

  private static void health(JsonGenerator g, AgentHealthReport h) throws IOException {
    if (h == null) {
      g.writeNullField("health");
      return;
    }
    g.writeObjectFieldStart("health");
    g.writeNumberField("overallScore", h.overallScore());
    g.writeStringField("trend", h.trend().wireName());
    g.writeNumberField("sessionCount", h.sessionCount());
    ComplianceJson.time(g, "from", h.from());
    ComplianceJson.time(g, "to", h.to());
    g.writeEndObject();
  }
}
