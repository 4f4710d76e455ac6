package ai.agentlens.web.read;

import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.replay.ApprovalState;
import ai.agentlens.core.replay.LlmExchange;
import ai.agentlens.core.replay.Replay;
import ai.agentlens.core.replay.ReplayContext;
import ai.agentlens.core.replay.ReplayStep;
import ai.agentlens.core.replay.ReplaySummary;
import ai.agentlens.core.replay.ToolResult;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The replay's wire shape (reference §4.3.4); absent optionals are left out, not {@code null}. */
public final class ReplayJson {

  private ReplayJson() {}

  /**
   * Renders a replay page.
   *
   * @param r the replay
   * @return its JSON, as {@code GET /api/sessions/{id}/replay} answers
   */
  public static String render(Replay r) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeFieldName("session");
          JsonViews.session(g, r.session());
          g.writeBooleanField("chainValid", r.chainValid());
          g.writeNumberField("totalSteps", r.totalSteps());
          g.writeArrayFieldStart("steps");
          for (ReplayStep s : r.steps()) {
            step(g, s);
          }
          g.writeEndArray();
          g.writeObjectFieldStart("pagination");
          g.writeNumberField("offset", r.offset());
          g.writeNumberField("limit", r.limit());
          g.writeBooleanField("hasMore", r.hasMore());
          g.writeEndObject();
          summary(g, r.summary());
          g.writeEndObject();
        });
  }

  private static void step(JsonGenerator g, ReplayStep s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("index", s.index());
    g.writeFieldName("event");
    JsonViews.event(g, s.event());
    if (s.pairedEvent() != null) {
      g.writeFieldName("pairedEvent");
      JsonViews.event(g, s.pairedEvent());
      g.writeNumberField("pairDurationMs", s.pairDurationMs());
    }
    if (s.context() != null) {
      context(g, s.context());
    }
    g.writeEndObject();
  }

  private static void context(JsonGenerator g, ReplayContext c) throws IOException {
    g.writeObjectFieldStart("context");
    g.writeNumberField("eventIndex", c.eventIndex());
    g.writeNumberField("totalEvents", c.totalEvents());
    g.writeNumberField("cumulativeCostUsd", c.cumulativeCostUsd());
    g.writeNumberField("elapsedMs", c.elapsedMs());
    g.writeObjectFieldStart("eventCounts");
    for (Map.Entry<String, Long> e : c.eventCounts().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("llmHistory");
    for (LlmExchange x : c.llmHistory()) {
      g.writeStartObject();
      text(g, "callId", x.callId());
      text(g, "provider", x.provider());
      text(g, "model", x.model());
      raw(g, "messages", x.messages() == null ? List.of() : x.messages());
      if (x.response() != null) {
        g.writeStringField("response", x.response());
      }
      if (x.toolCalls() != null) {
        raw(g, "toolCalls", x.toolCalls());
      }
      g.writeNumberField("costUsd", x.costUsd());
      g.writeNumberField("latencyMs", x.latencyMs());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("toolResults");
    for (ToolResult t : c.toolResults()) {
      g.writeStartObject();
      text(g, "callId", t.callId());
      text(g, "toolName", t.toolName());
      raw(g, "arguments", t.arguments() == null ? Map.of() : t.arguments());
      if (t.completed() && t.error() == null) {
        raw(g, "result", t.result());
      }
      if (t.error() != null) {
        g.writeStringField("error", t.error());
      }
      if (t.durationMs() != null) {
        g.writeNumberField("durationMs", t.durationMs());
      }
      g.writeBooleanField("completed", t.completed());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("pendingApprovals");
    for (ApprovalState a : c.pendingApprovals()) {
      g.writeStartObject();
      text(g, "requestId", a.requestId());
      text(g, "action", a.action());
      g.writeStringField("status", a.status());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("errorCount", c.errorCount());
    g.writeArrayFieldStart("warnings");
    for (String w : c.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void summary(JsonGenerator g, ReplaySummary s) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("totalCost", s.totalCost());
    g.writeNumberField("totalDurationMs", s.totalDurationMs());
    g.writeNumberField("totalLlmCalls", s.totalLlmCalls());
    g.writeNumberField("totalToolCalls", s.totalToolCalls());
    g.writeNumberField("totalErrors", s.totalErrors());
    g.writeArrayFieldStart("models");
    for (String m : s.models()) {
      g.writeString(m);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tools");
    for (String t : s.tools()) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void raw(JsonGenerator g, String name, Object value) throws IOException {
    g.writeFieldName(name);
    g.writeRawValue(JsonWriter.write(value));
  }
}
