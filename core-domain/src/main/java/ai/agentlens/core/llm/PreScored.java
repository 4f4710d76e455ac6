package ai.agentlens.core.llm;

import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.risk.LlmExchange;
import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.core.risk.RiskScorer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of a run's complete pairs, computed before the run is written — on the recorder's
 * thread, not while the store holds its write lock. A row written by the run takes its pair's score
 * only when the row's texts and outcome are exactly what was scored (a new pair, or the same pair
 * told again); any other row is scored as it stands. Not thread-safe: one per run.
 */
final class PreScored {

  private record Scored(LlmExchange exchange, RiskAssessment risk) {}

  private final RiskScorer scorer;
  private final Map<String, Scored> byCall = new HashMap<>();

  PreScored(RiskScorer scorer, List<? extends LlmHalfWrite> halves) {
    this.scorer = scorer;
    Map<String, LlmCallWrite> calls = new HashMap<>();
    Map<String, LlmResponseWrite> responses = new HashMap<>();
    Map<String, Integer> halvesOf = new HashMap<>();
    for (LlmHalfWrite h : halves) {
      String key = key(h.orgId(), h.callId());
      halvesOf.merge(key, 1, Integer::sum);
      if (h instanceof LlmCallWrite c) {
        calls.put(key, c);
      } else {
        responses.put(key, (LlmResponseWrite) h);
      }
    }
    calls.forEach(
        (key, c) -> {
          LlmResponseWrite w = responses.get(key);
          if (w != null && halvesOf.get(key) == 2) {
            LlmExchange x =
                new LlmExchange(
                    c.prompt(),
                    w.response(),
                    w.finishReason(),
                    w.status() == LlmRequestStatus.ERROR,
                    w.inputTokens(),
                    w.outputTokens());
            byCall.put(key, new Scored(x, scorer.assess(x)));
          }
        });
  }

  /**
   * Scores a row as it stands after the run's writes.
   *
   * @param r the row
   * @return the pair's score when the row is exactly the pair scored, else a fresh assessment
   */
  RiskAssessment assess(LlmRequest r) {
    LlmExchange x = exchange(r);
    Scored s = byCall.get(key(r.orgId(), r.callId()));
    return s != null && s.exchange().equals(x) ? s.risk() : scorer.assess(x);
  }

  static LlmExchange exchange(LlmRequest r) {
    return new LlmExchange(
        r.prompt(),
        r.response(),
        r.finishReason(),
        r.status() == LlmRequestStatus.ERROR,
        r.inputTokens(),
        r.outputTokens());
  }

  private static String key(String org, String callId) {
    return org + '\u0000' + callId;
  }
}
