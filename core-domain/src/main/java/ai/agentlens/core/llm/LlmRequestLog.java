package ai.agentlens.core.llm;

import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.core.risk.RiskScorer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes runs of request halves and scores each row as it then stands, so a request is scored on
 * whatever has arrived: its prompt alone while pending, prompt and response once complete —
 * whichever half came first. Both halves told again leave the same row and score. Thread-safe.
 */
public final class LlmRequestLog {

  private final LlmRequestStore store;
  private final RiskScorer scorer;
  private final Consumer<LlmRequest> completed;

  /**
   * Creates the log.
   *
   * @param store where rows go
   * @param scorer the risk function
   */
  public LlmRequestLog(LlmRequestStore store, RiskScorer scorer) {
    this(store, scorer, r -> {});
  }

  /**
   * Wires the log with a listener told about every completed, scored row (incident detection).
   *
   * @param store where rows go
   * @param scorer the risk function
   * @param completed called with each row once it has its response (or its error) and its score;
   *     called again if the same row is written again; must not throw
   */
  public LlmRequestLog(LlmRequestStore store, RiskScorer scorer, Consumer<LlmRequest> completed) {
    this.store = store;
    this.scorer = scorer;
    this.completed = completed;
  }

  /**
   * Stores many halves and scores every row they touched as it now stands, in one transaction per
   * org (the texts and their score become visible together), then tells the listener about the
   * completed rows. Complete pairs of the run are scored before the write, so the store's write
   * lock is held only for rows that turn out different from what was scored.
   *
   * @param halves calls and responses, in arrival order
   * @return the scored rows, each once
   */
  public List<LlmRequest> recordAll(List<? extends LlmHalfWrite> halves) {
    if (halves.isEmpty()) {
      return List.of();
    }
    List<LlmRequest> out =
        store.recordAll(halves, new PreScored(scorer, halves, storedHalves(halves)));
    for (LlmRequest r : out) {
      if (r.status() != LlmRequestStatus.PENDING) {
        completed.accept(r);
      }
    }
    return out;
  }

  // why: a call and its response often arrive in different runs; reading the stored half first
  // lets the pair be scored here rather than inside the write, where SQLite's single writer waits
  private Map<String, LlmRequest> storedHalves(List<? extends LlmHalfWrite> halves) {
    Map<String, Integer> count = new HashMap<>();
    for (LlmHalfWrite h : halves) {
      count.merge(PreScored.key(h.orgId(), h.callId()), 1, Integer::sum);
    }
    Map<String, Set<String>> loneByOrg = new HashMap<>();
    for (LlmHalfWrite h : halves) {
      if (count.get(PreScored.key(h.orgId(), h.callId())) == 1) {
        loneByOrg.computeIfAbsent(h.orgId(), o -> new HashSet<>()).add(h.callId());
      }
    }
    Map<String, LlmRequest> out = new HashMap<>();
    loneByOrg.forEach(
        (org, ids) ->
            store.findByCallIds(org, ids).forEach((id, r) -> out.put(PreScored.key(org, id), r)));
    return out;
  }

  /**
   * Scores a row from its stored texts.
   *
   * @param r the row
   * @return the assessment
   */
  public RiskAssessment assess(LlmRequest r) {
    return scorer.assess(PreScored.exchange(r));
  }

  /**
   * Stores a given score on a row (the synchronous API scores clear text before masking).
   *
   * @param r the row
   * @param risk the assessment
   * @return the row with it
   */
  public LlmRequest scored(LlmRequest r, RiskAssessment risk) {
    if (!r.hasRisk(risk)) {
      store.score(r.orgId(), r.id(), risk);
    }
    LlmRequest out = r.withRisk(risk);
    if (out.status() != LlmRequestStatus.PENDING) {
      completed.accept(out);
    }
    return out;
  }
}
