package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.risk.RiskReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Test data for the root-cause analysis: incidents and LLM requests with only what matters set. */
final class Requests {

  static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private Requests() {}

  static Incident incident(TriggerType type, String title, long count, List<String> related) {
    return new Incident(
        "inc_1",
        "org-a",
        "bot",
        "rule-1",
        type.wireName() + "|rule-1|bot",
        title,
        IncidentSeverity.HIGH,
        type,
        true,
        T,
        T.plusSeconds(300),
        count,
        null,
        null,
        "{\"value\":3}",
        related);
  }

  static LlmRequest ok(String id, String model, long latencyMs, int seconds) {
    return request(id, model, LlmRequestStatus.SUCCESS, "stop", latencyMs, null, 0, 0, seconds);
  }

  static LlmRequest failed(String id, String model, long latencyMs, int seconds) {
    return request(id, model, LlmRequestStatus.ERROR, "error", latencyMs, null, 0, 0, seconds);
  }

  static LlmRequest tokens(String id, String model, int in, int out, int seconds) {
    return request(id, model, LlmRequestStatus.SUCCESS, "stop", 100L, null, in, out, seconds);
  }

  static LlmRequest risky(String id, int score, int seconds, String... codes) {
    return request(
        id, "gpt-4o-mini", LlmRequestStatus.SUCCESS, "stop", 100L, score, 0, 0, seconds, codes);
  }

  static LlmRequest request(
      String id,
      String model,
      LlmRequestStatus status,
      String finish,
      Long latencyMs,
      Integer risk,
      int in,
      int out,
      int seconds,
      String... codes) {
    List<RiskReason> reasons =
        Arrays.stream(codes).map(c -> new RiskReason(c, 0.5, "pattern " + c)).toList();
    return new LlmRequest(
        "org-a",
        id,
        "call-" + id,
        "bot",
        "s-1",
        "openai",
        model,
        "prompt of " + id,
        "response of " + id,
        status,
        finish,
        latencyMs,
        in == 0 ? null : in,
        out == 0 ? null : out,
        risk,
        risk == null ? null : "risk-v1",
        reasons,
        "event",
        T.plusSeconds(seconds),
        T.plusSeconds(seconds + 1));
  }
}
