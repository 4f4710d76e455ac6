package ai.agentlens.web.incident;

import ai.agentlens.core.incident.model.RcaRecord;
import ai.agentlens.core.incident.model.RcaStatus;
import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * A root-cause analysis out: {@code {incidentId, status, retryable, source, summary, likelyCause,
 * evidence[], recommendedFixes[], requestIds[], error, attempts, updatedAt}} (texts {@code null}
 * when it failed, {@code error} {@code null} when done; {@code status: none}, no source and 0
 * attempts before the first analysis).
 */
final class RcaJson {

  private RcaJson() {}

  static String one(RcaRecord r) {
    return JsonViews.render(g -> write(g, r));
  }

  static String none(String incidentId) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeStringField("incidentId", incidentId);
          g.writeStringField("status", "none");
          g.writeBooleanField("retryable", false);
          g.writeStringField("source", null);
          g.writeStringField("summary", null);
          g.writeStringField("likelyCause", null);
          strings(g, "evidence", List.of());
          strings(g, "recommendedFixes", List.of());
          strings(g, "requestIds", List.of());
          g.writeStringField("error", null);
          g.writeNumberField("attempts", 0);
          g.writeStringField("updatedAt", null);
          g.writeEndObject();
        });
  }

  static void write(JsonGenerator g, RcaRecord r) throws IOException {
    RootCause a = r.analysis();
    g.writeStartObject();
    g.writeStringField("incidentId", r.incidentId());
    g.writeStringField("status", r.status().wireName());
    g.writeBooleanField("retryable", r.status() == RcaStatus.FAILED);
    g.writeStringField("source", r.source());
    g.writeStringField("summary", a == null ? null : a.summary());
    g.writeStringField("likelyCause", a == null ? null : a.likelyCause());
    strings(g, "evidence", a == null ? List.of() : a.evidence());
    strings(g, "recommendedFixes", a == null ? List.of() : a.recommendedFixes());
    strings(g, "requestIds", r.requestIds());
    g.writeStringField("error", r.error());
    g.writeNumberField("attempts", r.attempts());
    g.writeStringField("updatedAt", JsonViews.time(r.updatedAt()));
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
