package ai.agentlens.core.incident;

import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.incident.Incidents.Actor;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AuditLog;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Appends successful audit entries for what a person or key did: incidents, incident rules,
 * remediations and agent settings share it.
 */
public final class ActorAudit {

  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Wires the audit.
   *
   * @param audit the log
   * @param clock the time
   * @param ids new entry ids
   */
  public ActorAudit(AuditLog audit, Clock clock, Supplier<String> ids) {
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Appends one successful entry.
   *
   * @param orgId the org
   * @param actor who did it
   * @param action the action, e.g. {@code incident.resolve}
   * @param type the target's type
   * @param target the target's id
   * @param details the details, written as a JSON object ({@code {}} when empty)
   */
  public void append(
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
            details.isEmpty() ? "{}" : JsonWriter.write(JsonObject.of(details))));
  }
}
