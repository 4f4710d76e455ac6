package ai.agentlens.core.remediation;

import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.incident.Incidents.Actor;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AuditLog;
import java.util.Map;
import java.util.function.Supplier;

/** Appends the audit entries of settings changes and remediations. */
final class SettingsAudit {

  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> ids;

  SettingsAudit(AuditLog audit, Clock clock, Supplier<String> ids) {
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  void append(
      String orgId,
      Actor actor,
      String action,
      String type,
      String target,
      Map<String, ?> details) {
    audit.append(
        new AuditEntry(
            ids.get(),
            orgId,
            clock.now(),
            actor.type(),
            actor.id(),
            action,
            type,
            target,
            actor.ip(),
            AuditResult.SUCCESS,
            JsonWriter.write(JsonObject.of(details))));
  }
}
