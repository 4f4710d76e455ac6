package ai.agentlens.web.llm;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.core.risk.RiskReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of the LLM request routes (docs/llm-requests.md). */
final class LlmRequestJson {

  private LlmRequestJson() {}

  // why: the caller learns at once whether the agent's settings refuse this request (a risk
  // threshold reached, seed 003 R5) and which model they prefer; the request is stored either way
  static String created(LlmRequest r, AgentSettings s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", r.id());
    o.put("riskScore", JsonNumber.of(r.riskScore()));
    o.put("riskVersion", r.riskVersion());
    o.put("reasons", RiskReason.toJson(r.reasons()));
    o.put("allowed", r.riskScore() == null || !s.tooRisky(r.riskScore()));
    if (s.riskThreshold() != null) {
      o.put("riskThreshold", JsonNumber.of(s.riskThreshold()));
    }
    if (s.preferredModel() != null) {
      o.put("preferredModel", s.preferredModel());
    }
    return JsonWriter.write(JsonObject.of(o));
  }

  static String page(LlmRequestPage page, int offset) {
    List<Object> items = new ArrayList<>();
    for (LlmRequest r : page.items()) {
      items.add(request(r));
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("requests", JsonArray.of(items));
    o.put("count", JsonNumber.of(items.size()));
    o.put("nextCursor", page.hasMore() ? String.valueOf(offset + items.size()) : null);
    return JsonWriter.write(JsonObject.of(o));
  }

  static String one(LlmRequest r) {
    return JsonWriter.write(request(r));
  }

  static JsonObject request(LlmRequest r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", r.id());
    o.put("callId", r.callId());
    o.put("agentId", r.agentId());
    o.put("sessionId", r.sessionId());
    o.put("provider", r.provider());
    o.put("model", r.model());
    o.put("prompt", r.prompt());
    o.put("response", r.response());
    o.put("status", r.status().wireName());
    o.put("finishReason", r.finishReason());
    o.put("latencyMs", r.latencyMs() == null ? null : JsonNumber.of(r.latencyMs()));
    Map<String, Object> tokens = new LinkedHashMap<>();
    tokens.put("input", r.inputTokens() == null ? null : JsonNumber.of(r.inputTokens()));
    tokens.put("output", r.outputTokens() == null ? null : JsonNumber.of(r.outputTokens()));
    o.put("tokens", JsonObject.of(tokens));
    o.put("riskScore", r.riskScore() == null ? null : JsonNumber.of(r.riskScore()));
    o.put("riskVersion", r.riskVersion());
    o.put("reasons", RiskReason.toJson(r.reasons()));
    o.put("source", r.source());
    o.put("startedAt", r.startedAt().toString());
    o.put("completedAt", r.completedAt() == null ? null : r.completedAt().toString());
    return JsonObject.of(o);
  }
}
