package ai.agentlens.web.guardrail;

import ai.agentlens.core.guardrail.RequestCheck;
import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.web.read.JsonViews;

/** The request variant's answer of {@code POST /api/guardrails/evaluate} (docs/guardrails.md). */
final class RequestCheckJson {

  private RequestCheckJson() {}

  /**
   * Renders the request-variant answer: whether the agent may proceed and what applies to it.
   *
   * @param o the check's outcome
   * @return {@code {"allowed":bool,"actions":[…]}}
   */
  static String requestCheck(RequestCheck.Outcome o) {
    return requestCheck(o, null);
  }

  /**
   * Renders the request-variant answer with the calling key's own limit.
   *
   * @param o the check's outcome
   * @param keyRateLimit the calling key's events-per-minute override, or {@code null}
   * @return {@code {"allowed":bool,"actions":[…]}}
   */
  static String requestCheck(RequestCheck.Outcome o, Integer keyRateLimit) {
    AgentControl c = o.control();
    return JsonViews.render(
        g -> {
          g.writeStartObject();
          g.writeBooleanField("allowed", o.allowed());
          g.writeArrayFieldStart("actions");
          if (c.pausedAt() != null) {
            g.writeStartObject();
            g.writeStringField("type", "pause_agent");
            g.writeStringField("pausedAt", JsonViews.time(c.pausedAt()));
            if (c.pauseReason() != null) {
              g.writeStringField("reason", c.pauseReason());
            }
            g.writeEndObject();
          }
          if (c.modelOverride() != null) {
            g.writeStartObject();
            g.writeStringField("type", "downgrade_model");
            g.writeStringField("model", c.modelOverride());
            g.writeEndObject();
          }
          if (o.rateLimit() != null) {
            g.writeStartObject();
            g.writeStringField("type", "rate_limit");
            g.writeNumberField("requestsPerMinute", o.rateLimit());
            g.writeStringField("source", o.rateLimitFromSettings() ? "settings" : "guardrail");
            if (!o.rateLimitFromSettings()) {
              g.writeStringField("until", JsonViews.time(c.rateLimitedUntil()));
            }
            g.writeBooleanField("limited", o.rateLimited());
            if (o.rateLimited()) {
              g.writeNumberField("retryAfterSeconds", o.retryAfterSeconds());
            }
            g.writeEndObject();
          }
          if (c.agentgatePolicy() != null) {
            g.writeStartObject();
            g.writeStringField("type", "agentgate_policy");
            g.writeStringField("policyId", c.agentgatePolicy());
            g.writeEndObject();
          }
          SettingsActions.write(g, o, keyRateLimit);
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
