package ai.agentlens.core.alerting;

import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.json.Json;

/** The body of an alert notification: JSON for webhooks, plain text for e-mail. */
final class AlertPayload {

  private AlertPayload() {}

  static String json(AlertRule rule, AlertFiring f) {
    StringBuilder b = new StringBuilder("{");
    field(b, "type", "alert");
    field(b, "alertId", f.id());
    field(b, "ruleId", rule.id());
    field(b, "ruleName", rule.spec().name());
    field(b, "tenantId", rule.orgId());
    field(b, "condition", f.condition().wireName());
    b.append(",\"value\":").append(f.value());
    b.append(",\"threshold\":").append(f.threshold());
    b.append(",\"windowMinutes\":").append(rule.spec().windowMinutes());
    field(b, "windowFrom", f.windowFrom().toString());
    field(b, "triggeredAt", f.triggeredAt().toString());
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    if (b.length() > 1) {
      b.append(',');
    }
    Json.appendString(b, name);
    b.append(':');
    Json.appendString(b, value);
  }

  static String text(AlertRule rule, AlertFiring f) {
    return "Alert rule \""
        + rule.spec().name()
        + "\" fired.\n\nCondition: "
        + f.condition().wireName()
        + "\nValue: "
        + f.value()
        + "\nThreshold: "
        + f.threshold()
        + "\nWindow: "
        + f.windowFrom()
        + " to "
        + f.triggeredAt()
        + " ("
        + rule.spec().windowMinutes()
        + " min)\nRule id: "
        + rule.id()
        + "\n";
  }
}
