package ai.agentlens.web.alerts;

import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.web.read.JsonViews;

/** The body of an alert notification: JSON for webhooks, plain text for e-mail. */
final class AlertPayload {

  private AlertPayload() {}

  static String json(AlertRule rule, AlertFiring f) {
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeStringField("type", "alert");
          g.writeStringField("alertId", f.id());
          g.writeStringField("ruleId", rule.id());
          g.writeStringField("ruleName", rule.spec().name());
          g.writeStringField("tenantId", rule.orgId());
          g.writeStringField("condition", f.condition().wireName());
          g.writeNumberField("value", f.value());
          g.writeNumberField("threshold", f.threshold());
          g.writeNumberField("windowMinutes", rule.spec().windowMinutes());
          g.writeStringField("windowFrom", JsonViews.time(f.windowFrom()));
          g.writeStringField("triggeredAt", JsonViews.time(f.triggeredAt()));
          g.writeEndObject();
        });
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
        + JsonViews.time(f.windowFrom())
        + " to "
        + JsonViews.time(f.triggeredAt())
        + " ("
        + rule.spec().windowMinutes()
        + " min)\nRule id: "
        + rule.id()
        + "\n";
  }
}
