package ai.agentlens.core.guardrail.action;

import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.WebhookSender;
import ai.agentlens.core.port.storage.AgentControlStore;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a metric rule's action for one agent and says what happened (the trigger's {@code
 * actionResult}): pause the agent, set its model override, limit its events per minute for a
 * window, store an AgentGate policy reference on it, POST a signed webhook, or only record ({@code
 * alert}, {@code log_and_continue}). Never throws for a failed delivery.
 */
public final class GuardrailActions {

  private final AgentControlStore controls;
  private final WebhookSender webhooks;

  /**
   * Wires the actions.
   *
   * @param controls agent pause and model override
   * @param webhooks webhook delivery
   */
  public GuardrailActions(AgentControlStore controls, WebhookSender webhooks) {
    this.controls = controls;
    this.webhooks = webhooks;
  }

  /**
   * Runs an action.
   *
   * @param rule the triggered rule
   * @param agentId the agent it triggered for
   * @param value the measured value
   * @param threshold the threshold
   * @param at the trigger time
   * @return the action result
   */
  public String run(
      GuardrailRule rule, String agentId, double value, double threshold, Instant at) {
    JsonObject cfg = rule.actionConfig();
    return switch (rule.actionType()) {
      case PAUSE_AGENT -> {
        String reason = cfg.string("reason");
        if (reason == null) {
          reason =
              "guardrail " + rule.name() + ": " + rule.conditionType().wireName() + " " + value;
        }
        yield controls.pause(rule.orgId(), agentId, at, reason) ? "paused" : "agent not found";
      }
      case DOWNGRADE_MODEL ->
          controls.overrideModel(rule.orgId(), agentId, cfg.string("targetModel"))
              ? "model override set to " + cfg.string("targetModel")
              : "agent not found";
      case NOTIFY_WEBHOOK -> webhook(rule, agentId, value, threshold, at);
      case RATE_LIMIT -> {
        int perMinute = ((Number) cfg.get("requests_per_minute")).intValue();
        Instant until =
            at.plus(java.time.Duration.ofMinutes(((Number) cfg.get("window")).longValue()));
        yield controls.rateLimit(rule.orgId(), agentId, perMinute, until)
            ? "rate limited to " + perMinute + "/min until " + until
            : "agent not found";
      }
      case AGENTGATE_POLICY ->
          controls.policy(rule.orgId(), agentId, cfg.string("policyId"))
              ? "agentgate policy " + cfg.string("policyId") + " recorded (no AgentGate connected)"
              : "agent not found";
      default -> "recorded";
    };
  }

  /**
   * Builds the webhook body (field order fixed, so the signature covers exactly what is sent).
   *
   * @param rule the rule
   * @param agentId the agent
   * @param value the measured value
   * @param threshold the threshold
   * @param at the trigger time
   * @return the JSON text
   */
  public static String webhookBody(
      GuardrailRule rule, String agentId, double value, double threshold, Instant at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", "guardrail.triggered");
    m.put("ruleId", rule.id());
    m.put("ruleName", rule.name());
    m.put("tenantId", rule.orgId());
    m.put("agentId", agentId);
    m.put("conditionType", rule.conditionType().wireName());
    m.put("conditionValue", JsonNumber.of(BigDecimal.valueOf(value)));
    m.put("conditionThreshold", JsonNumber.of(BigDecimal.valueOf(threshold)));
    m.put("actionType", rule.actionType().wireName());
    m.put("triggeredAt", at.toString());
    return JsonWriter.write(JsonObject.of(m));
  }

  private String webhook(
      GuardrailRule rule, String agentId, double value, double threshold, Instant at) {
    JsonObject cfg = rule.actionConfig();
    String body = webhookBody(rule, agentId, value, threshold, at);
    Map<String, String> headers = new LinkedHashMap<>();
    JsonObject extra = cfg.object("headers");
    if (extra != null) {
      extra.forEach((k, v) -> headers.put(k, String.valueOf(v)));
    }
    String secret = cfg.string("secret");
    if (secret != null) {
      headers.put(WebhookSignature.HEADER, WebhookSignature.sign(secret, body));
    }
    WebhookSender.Result r = webhooks.post(URI.create(cfg.string("url")), headers, body);
    if (r.error() != null) {
      return "webhook " + r.error();
    }
    return "webhook " + r.status();
  }
}
