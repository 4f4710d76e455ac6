package ai.agentlens.web.compliance;

import ai.agentlens.core.compliance.ComplianceReport;
import ai.agentlens.core.compliance.ComplianceReport.AgentGuardrails;
import ai.agentlens.core.compliance.ComplianceReport.BrokenChain;
import ai.agentlens.core.compliance.ComplianceReport.KeyHygiene;
import ai.agentlens.core.compliance.ComplianceReport.Member;
import ai.agentlens.web.read.JsonViews;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a {@link ComplianceReport} as the JSON of {@code GET /api/compliance/report}. */
final class ComplianceJson {

  private ComplianceJson() {}

  static String render(ComplianceReport r) {
    return JsonViews.render(g -> report(g, r));
  }

  private static void report(JsonGenerator g, ComplianceReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("schemaVersion", r.schemaVersion());
    g.writeObjectFieldStart("org");
    g.writeStringField("id", r.orgId());
    g.writeStringField("name", r.orgName());
    g.writeStringField("plan", r.plan());
    g.writeEndObject();
    time(g, "generatedAt", r.generatedAt());
    g.writeObjectFieldStart("period");
    time(g, "from", r.from());
    time(g, "to", r.to());
    g.writeNumberField("days", r.days());
    g.writeEndObject();
    g.writeObjectFieldStart("retention");
    g.writeNumberField("orgDays", r.retention().orgDays());
    g.writeNumberField("planCapDays", r.retention().planCapDays());
    g.writeNumberField("effectiveDays", r.retention().effectiveDays());
    g.writeBooleanField("purgeEnforced", r.retention().purgeEnforced());
    g.writeEndObject();
    g.writeObjectFieldStart("dataProtection");
    g.writeBooleanField("promptMasking", r.protection().promptMasking());
    strings(g, "redactionRules", r.protection().redactionRules());
    strings(g, "notAvailable", r.protection().notAvailable());
    g.writeEndObject();
    chain(g, r.chain());
    audit(g, r.audit());
    g.writeArrayFieldStart("keys");
    for (KeyHygiene k : r.keys()) {
      key(g, k);
    }
    g.writeEndArray();
    members(g, r.members());
    g.writeArrayFieldStart("agents");
    for (AgentGuardrails a : r.agents()) {
      g.writeStartObject();
      g.writeStringField("agentId", a.agentId());
      g.writeStringField("name", a.name());
      g.writeNumberField("guardrailRules", a.rules());
      g.writeStringField("guardrails", a.guardrails());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void chain(JsonGenerator g, ComplianceReport.ChainSummary c) throws IOException {
    g.writeObjectFieldStart("hashChain");
    g.writeNumberField("sessionsInPeriod", c.sessionsInPeriod());
    g.writeNumberField("sessionsChecked", c.checked());
    g.writeNumberField("valid", c.valid());
    g.writeNumberField("broken", c.broken());
    g.writeArrayFieldStart("brokenSessions");
    for (BrokenChain b : c.brokenSessions()) {
      g.writeStartObject();
      g.writeStringField("sessionId", b.sessionId());
      g.writeNumberField("failedAtIndex", b.failedAtIndex());
      g.writeStringField("reason", b.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("truncated", c.truncated());
    g.writeNumberField("limit", c.limit());
    g.writeEndObject();
  }

  private static void audit(JsonGenerator g, ComplianceReport.AuditCoverage a) throws IOException {
    g.writeObjectFieldStart("auditLog");
    g.writeNumberField("entries", a.entries());
    time(g, "first", a.first());
    time(g, "last", a.last());
    g.writeObjectFieldStart("byAction");
    for (Map.Entry<String, Long> e : a.byAction().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeBooleanField("truncated", a.truncated());
    g.writeEndObject();
  }

  private static void key(JsonGenerator g, KeyHygiene k) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", k.id());
    g.writeStringField("prefix", k.prefix());
    g.writeStringField("name", k.name());
    g.writeStringField("environment", k.environment());
    time(g, "createdAt", k.createdAt());
    g.writeNumberField("ageDays", k.ageDays());
    time(g, "lastUsedAt", k.lastUsedAt());
    g.writeBooleanField("unused30Days", k.unused30Days());
    g.writeBooleanField("revoked", k.revoked());
    time(g, "revokedAt", k.revokedAt());
    g.writeEndObject();
  }

  private static void members(JsonGenerator g, List<Member> members) throws IOException {
    Map<String, Integer> byRole = new TreeMap<>();
    g.writeArrayFieldStart("members");
    for (Member m : members) {
      byRole.merge(m.role(), 1, Integer::sum);
      g.writeStartObject();
      g.writeStringField("userId", m.userId());
      g.writeStringField("email", m.email());
      g.writeStringField("role", m.role());
      time(g, "since", m.since());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("membersByRole");
    for (Map.Entry<String, Integer> e : byRole.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
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

  static void time(JsonGenerator g, String name, Instant t) throws IOException {
    if (t == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, JsonViews.time(t));
    }
  }
}
