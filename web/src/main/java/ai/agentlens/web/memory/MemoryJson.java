package ai.agentlens.web.memory;

import ai.agentlens.core.memory.context.ContextResult;
import ai.agentlens.core.memory.model.KeyEvent;
import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.memory.reflect.Insight;
import ai.agentlens.core.memory.reflect.ReflectResult;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The JSON of reflect and context (reference §3.5), shared by the routes and the MCP tools. */
public final class MemoryJson {

  private MemoryJson() {}

  /**
   * Renders a reflect result.
   *
   * @param r the result
   * @return {@code {analysis, insights:[{type,summary,data,confidence}], metadata:{…}}}
   */
  public static String reflect(ReflectResult r) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeStringField("analysis", r.analysis().wireName());
          g.writeArrayFieldStart("insights");
          for (Insight i : r.insights()) {
            g.writeStartObject();
            g.writeStringField("type", i.type());
            g.writeStringField("summary", i.summary());
            g.writeFieldName("data");
            value(g, i.data());
            g.writeNumberField("confidence", i.confidence());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeObjectFieldStart("metadata");
          g.writeNumberField("sessionsAnalyzed", r.sessionsAnalyzed());
          g.writeNumberField("eventsAnalyzed", r.eventsAnalyzed());
          g.writeObjectFieldStart("timeRange");
          g.writeStringField("from", JsonViews.time(r.from()));
          g.writeStringField("to", JsonViews.time(r.to()));
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /**
   * Renders a context result.
   *
   * @param r the result
   * @return {@code {topic, sessions:[…], lessons:[], totalSessions}}
   */
  public static String context(ContextResult r) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeStringField("topic", r.topic());
          g.writeArrayFieldStart("sessions");
          for (ContextResult.Scored s : r.sessions()) {
            session(g, s.summary(), s.relevanceScore());
          }
          g.writeEndArray();
          g.writeArrayFieldStart("lessons");
          g.writeEndArray();
          g.writeNumberField("totalSessions", r.sessions().size());
          g.writeStringField("source", r.semantic() ? "semantic" : "text");
          g.writeEndObject();
        });
  }

  private static void session(JsonGenerator g, SessionSummary s, double score) throws IOException {
    g.writeStartObject();
    g.writeStringField("sessionId", s.sessionId());
    g.writeStringField("agentId", s.agentId());
    g.writeStringField("startedAt", JsonViews.time(s.startedAt()));
    if (s.endedAt() != null) {
      g.writeStringField("endedAt", JsonViews.time(s.endedAt()));
    }
    g.writeStringField("summary", s.summary());
    g.writeNumberField("relevanceScore", score);
    g.writeStringField("outcome", s.outcome().wireName());
    g.writeFieldName("topics");
    value(g, s.topics());
    g.writeFieldName("toolSequence");
    value(g, s.toolSequence());
    if (s.errorSummary() != null) {
      g.writeStringField("errorSummary", s.errorSummary());
    }
    g.writeArrayFieldStart("keyEvents");
    for (KeyEvent k : s.keyEvents()) {
      g.writeStartObject();
      g.writeStringField("id", k.id());
      g.writeStringField("eventType", k.eventType());
      g.writeStringField("summary", k.summary());
      g.writeStringField("timestamp", JsonViews.time(k.timestamp()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Long || v instanceof Integer) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        value(g, o);
      }
      g.writeEndArray();
    } else {
      g.writeString(v.toString());
    }
  }
}
