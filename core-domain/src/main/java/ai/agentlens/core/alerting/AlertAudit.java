package ai.agentlens.core.alerting;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AuditLog;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Appends alerting's audit entries (target type {@code alert_rule}) to the {@link AuditLog}. */
public final class AlertAudit {

  private final AuditLog log;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Creates the helper.
   *
   * @param log the audit log
   * @param clock the time of each entry
   * @param ids new entry ids
   */
  public AlertAudit(AuditLog log, Clock clock, Supplier<String> ids) {
    this.log = log;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Appends one entry about a rule.
   *
   * @param orgId the org
   * @param actor who acted
   * @param action e.g. {@code alert_rule.create}
   * @param ruleId the rule
   * @param result success or failure
   * @param details extra facts
   */
  public void append(
      String orgId,
      AlertRules.Actor actor,
      String action,
      String ruleId,
      AuditResult result,
      Map<String, String> details) {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> e : new TreeMap<>(details).entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      Json.appendString(json, e.getKey());
      json.append(':');
      Json.appendString(json, e.getValue());
    }
    log.append(
        new AuditEntry(
            ids.get(),
            orgId,
            clock.now(),
            actor.type(),
            actor.id(),
            action,
            "alert_rule",
            ruleId,
            actor.ip(),
            result,
            json.append('}').toString()));
  }

  /** The checker, as an audit actor. */
  static final AlertRules.Actor CHECKER =
      new AlertRules.Actor(ActorType.SYSTEM, "alert-checker", null);
}
