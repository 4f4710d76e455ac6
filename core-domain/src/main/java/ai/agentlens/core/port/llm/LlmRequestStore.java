package ai.agentlens.core.port.llm;

import ai.agentlens.core.risk.RiskAssessment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM request log (seed 003 R3, R7): one row per (org, call id), with full-text search over
 * prompt and response kept in sync with the rows by the backend (SQLite FTS5, PostgreSQL {@code
 * tsvector}). Texts are stored exactly as given: callers mask and redact before writing, so masked
 * text is never indexed in clear. Every method is tenant-scoped by its org argument; another org's
 * rows are never read nor changed. Thread-safe; writes of one (org, call id) are last-writer-wins
 * per half (call or response). Storage failures throw {@link
 * ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface LlmRequestStore {

  /**
   * Stores the call half: inserts a pending row for (org, call id), or, when the row exists (its
   * response came first, or this call is told again), sets its prompt, start, agent, session and —
   * when the row has none — provider and model. Idempotent: the same write twice leaves one row
   * unchanged. The row keeps its status and risk score.
   *
   * @param call the call
   * @return the row after the write
   */
  LlmRequest recordCall(LlmCallWrite call);

  /**
   * Stores the response half: inserts a row for (org, call id) with an empty prompt, or, when the
   * row exists, sets its response, status, finish reason, latency, tokens and completion time
   * (provider and model too, when given: the response names the model that answered). Idempotent
   * like {@link #recordCall}.
   *
   * @param response the response
   * @return the row after the write
   */
  LlmRequest recordResponse(LlmResponseWrite response);

  /**
   * Stores many halves, in the given order, as {@link #recordCall} and {@link #recordResponse}
   * would one by one, but in one transaction per org (the request log's writer takes what queued up
   * at once instead of paying a commit per half). A call and its response in the same list make one
   * complete row. All or nothing per org: when a write fails, that org's halves in this list are
   * not stored and the failure is thrown (halves of orgs written before it stay).
   *
   * @param halves the halves, possibly of several orgs and with several halves of one call id
   * @return each row touched, once, after all the writes, in the order of its first half
   */
  default List<LlmRequest> recordAll(List<? extends LlmHalfWrite> halves) {
    return recordAll(halves, null);
  }

  /**
   * Stores many halves like {@link #recordAll(List)} and, in the same transaction, assesses each
   * row it touched as the row now stands and stores the assessment where it differs — so no reader
   * ever sees a row's new texts with its old score. This is the background recorder's write: where
   * the backend has a single writer, it yields to other writes (it may wait a bounded time).
   *
   * @param halves the halves
   * @param risk scores the rows (a new row may be written with its {@link LlmRunRisk#expected}
   *     assessment); {@code null} leaves scores as they are
   * @return each row touched, once, with its assessment, in the order of its first half
   */
  default List<LlmRequest> recordAll(List<? extends LlmHalfWrite> halves, LlmRunRisk risk) {
    Map<String, LlmRequest> rows = new LinkedHashMap<>();
    for (LlmHalfWrite h : halves) {
      LlmRequest r =
          h instanceof LlmCallWrite c ? recordCall(c) : recordResponse((LlmResponseWrite) h);
      rows.put(h.orgId() + '\u0000' + h.callId(), r);
    }
    List<LlmRequest> out = new ArrayList<>(rows.size());
    for (LlmRequest r : rows.values()) {
      if (risk == null) {
        out.add(r);
        continue;
      }
      RiskAssessment a = risk.assess(r);
      if (!r.hasRisk(a)) {
        score(r.orgId(), r.id(), a);
      }
      out.add(r.withRisk(a));
    }
    return out;
  }

  /**
   * Sets a row's risk score, version and reasons. Nothing happens for an unknown id.
   *
   * @param orgId the org
   * @param id the row
   * @param risk the assessment
   */
  void score(String orgId, String id, RiskAssessment risk);

  /**
   * Reads one row.
   *
   * @param orgId the org
   * @param id the row's id
   * @return the row, or empty when this org has none with that id
   */
  Optional<LlmRequest> find(String orgId, String id);

  /**
   * Reads the rows of some call ids of one org, as they stand (for scoring a pair before the write
   * that completes it). A store without a cheap lookup may answer an empty map: the rows are then
   * scored inside the write.
   *
   * @param orgId the org
   * @param callIds the call ids; unknown ones are left out of the answer
   * @return the rows by call id
   */
  default java.util.Map<String, LlmRequest> findByCallIds(
      String orgId, java.util.Collection<String> callIds) {
    return java.util.Map.of();
  }

  /**
   * Searches one org's rows. A row matches the text when each phrase's words occur next to each
   * other, in order, in the prompt or in the response (words are runs of letters and digits,
   * compared case-insensitively, without stemming). Relevance ranks rows where the words are more
   * frequent first; every order breaks ties by id, so pages never overlap or skip.
   *
   * @param query the filters, order and page
   * @return the page
   */
  LlmRequestPage search(LlmRequestQuery query);
}
