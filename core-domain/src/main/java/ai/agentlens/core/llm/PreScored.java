package ai.agentlens.core.llm;

import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.port.llm.LlmRunRisk;
import ai.agentlens.core.risk.LlmExchange;
import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.core.risk.RiskScorer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scores of a run's rows, computed before the run is written — on the recorder's thread, not
 * while the store holds its write lock: a complete pair of the run as it is; a lone half as it will
 * stand once merged with the row already stored for its call (read before the write) or, without
 * one, alone. A row written by the run takes that score only when the row's texts and outcome are
 * exactly what was scored; any other row (e.g. changed by another writer meanwhile) is scored as it
 * stands. The scores are also {@link #expected} for the store to write with the rows the run
 * creates, so a new row is written once. Not thread-safe: one per run.
 */
final class PreScored implements LlmRunRisk {

  private record Scored(LlmExchange exchange, RiskAssessment risk) {}

  private final RiskScorer scorer;
  private final Map<String, Scored> byCall = new HashMap<>();

  PreScored(RiskScorer scorer, List<? extends LlmHalfWrite> halves) {
    this(scorer, halves, Map.of());
  }

  /**
   * Scores a run.
   *
   * @param scorer the risk function
   * @param halves the run
   * @param stored the rows already stored for the run's lone halves, by {@link #key}
   */
  PreScored(
      RiskScorer scorer, List<? extends LlmHalfWrite> halves, Map<String, LlmRequest> stored) {
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
            score(key, answered(c.prompt(), w));
          } else if (w == null && halvesOf.get(key) == 1) {
            LlmRequest s = stored.get(key);
            // why: a call whose response came in an earlier run completes that row here
            score(
                key,
                s == null
                    ? new LlmExchange(c.prompt(), null, null, false, null, null)
                    : new LlmExchange(
                        c.prompt(),
                        s.response(),
                        s.finishReason(),
                        s.status() == LlmRequestStatus.ERROR,
                        s.inputTokens(),
                        s.outputTokens()));
          }
        });
    responses.forEach(
        (key, w) -> {
          LlmRequest s = stored.get(key);
          // why: a response whose call is not stored yet makes a row without a prompt
          if (!calls.containsKey(key) && halvesOf.get(key) == 1) {
            score(key, answered(s == null ? null : s.prompt(), w));
          }
        });
  }

  private void score(String key, LlmExchange x) {
    byCall.put(key, new Scored(x, scorer.assess(x)));
  }

  private static LlmExchange answered(String prompt, LlmResponseWrite w) {
    return new LlmExchange(
        prompt,
        w.response(),
        w.finishReason(),
        w.status() == LlmRequestStatus.ERROR,
        w.inputTokens(),
        w.outputTokens());
  }

  /**
   * Names a call within a run: its org and call id.
   *
   * @param org the org
   * @param callId the call id
   * @return the key
   */
  static String key(String org, String callId) {
    return org + '\u0000' + callId;
  }

  /**
   * Scores a row as it stands after the run's writes.
   *
   * @param r the row
   * @return the pair's score when the row is exactly the pair scored, else a fresh assessment
   */
  @Override
  public RiskAssessment assess(LlmRequest r) {
    LlmExchange x = exchange(r);
    Scored s = byCall.get(key(r.orgId(), r.callId()));
    return s != null && s.exchange().equals(x) ? s.risk() : scorer.assess(x);
  }

  /**
   * The score made before the write for a call of the run, which a store may write with the row
   * when the run creates it.
   *
   * @param orgId the org
   * @param callId the call id
   * @return the score, or empty when the run made none for the call (more than two halves)
   */
  @Override
  public Optional<RiskAssessment> expected(String orgId, String callId) {
    return Optional.ofNullable(byCall.get(key(orgId, callId))).map(Scored::risk);
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
}
