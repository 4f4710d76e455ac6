package ai.agentlens.core.llm;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.enrich.EventEnrichment;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.risk.RiskAssessment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The LLM request log's use cases (seed 003 R3, R7): record one request synchronously and answer
 * with its score, search, read one. A recorded request is scored on its clear text, then stored
 * masked and redacted exactly as an ingested pair would be (the org's prompt masking and redaction
 * rules), so what is stored and indexed never holds text the org masks. Thread-safe.
 */
public final class LlmRequests {

  private final LlmRequestLog log;
  private final LlmRequestStore store;
  private final OrgDirectory orgs;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Wires the use cases.
   *
   * @param log the writer and scorer
   * @param store the rows
   * @param orgs org settings (masking, redaction)
   * @param clock the time
   * @param ids new ids (ULIDs)
   */
  public LlmRequests(
      LlmRequestLog log,
      LlmRequestStore store,
      OrgDirectory orgs,
      Clock clock,
      Supplier<String> ids) {
    this.log = log;
    this.store = store;
    this.orgs = orgs;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Records one request and scores it.
   *
   * @param orgId the caller's org
   * @param in the request
   * @return the stored row with its score
   */
  public LlmRequest record(String orgId, LlmRequestInput in) {
    String id = ids.get();
    Instant now = clock.now();
    RiskAssessment risk =
        log.assess(
            new LlmRequest(
                orgId,
                id,
                id,
                null,
                null,
                null,
                null,
                in.prompt(),
                in.response(),
                in.failed() ? LlmRequestStatus.ERROR : LlmRequestStatus.SUCCESS,
                in.failed() ? "error" : null,
                in.latencyMs(),
                in.inputTokens(),
                in.outputTokens(),
                null,
                null,
                List.of(),
                "api",
                now,
                now));
    JsonObject call =
        masked(
            orgId,
            EventType.LLM_CALL,
            JsonObject.of(
                Map.of(
                    "messages",
                    JsonArray.of(
                        List.of(JsonObject.of(Map.of("role", "user", "content", in.prompt())))))));
    JsonObject response =
        masked(orgId, EventType.LLM_RESPONSE, JsonObject.of(Map.of("completion", in.response())));
    store.recordCall(
        new LlmCallWrite(
            orgId,
            id,
            id,
            in.agentId(),
            in.sessionId(),
            in.provider(),
            in.model(),
            LlmTexts.prompt(call),
            now.minusMillis(in.latencyMs()),
            "api"));
    LlmRequest row =
        store.recordResponse(
            new LlmResponseWrite(
                orgId,
                id,
                id,
                in.agentId(),
                in.sessionId(),
                in.provider(),
                in.model(),
                LlmTexts.response(response),
                in.failed() ? LlmRequestStatus.ERROR : LlmRequestStatus.SUCCESS,
                in.failed() ? "error" : null,
                in.latencyMs(),
                in.inputTokens(),
                in.outputTokens(),
                now,
                "api"));
    return log.scored(row, risk);
  }

  /**
   * Searches the org's requests.
   *
   * @param query the search
   * @return one page
   */
  public LlmRequestPage search(LlmRequestQuery query) {
    return store.search(query);
  }

  /**
   * Reads one request of the org.
   *
   * @param orgId the org
   * @param id the id
   * @return the row, or empty for an unknown id or another org's
   */
  public Optional<LlmRequest> find(String orgId, String id) {
    return store.find(orgId, id);
  }

  // why: one masking and redaction path for ingested and posted requests (EventEnrichment)
  private JsonObject masked(String orgId, EventType type, JsonObject payload) {
    Optional<OrgDirectory.Entry> org = orgs.find(orgId);
    if (org.isEmpty()) {
      return payload;
    }
    Event e =
        new Event(
            "llm-request",
            orgId,
            "llm-request",
            "llm-request",
            type,
            Severity.INFO,
            clock.now(),
            JsonDoc.of(payload),
            JsonDoc.EMPTY_OBJECT,
            0,
            null,
            null);
    return EventEnrichment.apply(e, org.get().org().settings(), org.get().redaction())
        .payload()
        .tree();
  }
}
