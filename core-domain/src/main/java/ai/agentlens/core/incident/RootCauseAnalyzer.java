package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.RcaRecord;
import ai.agentlens.core.incident.model.RcaStatus;
import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.incident.RootCauseStore;
import ai.agentlens.core.port.llm.LanguageModel;
import ai.agentlens.core.port.llm.LanguageModelException;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import ai.agentlens.core.port.llm.LlmRequestStore;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Root-cause analysis of an incident (seed 003 R4.4): reads the incident and its last {@value
 * RcaRecord#MAX_REQUESTS} related LLM requests (those named by its related ids, then the agent's
 * requests from an hour before it opened until it was last seen), analyses them with the configured
 * {@link LanguageModel} or, without one, with {@link BuiltinRootCause}, and stores the result as
 * the incident's latest analysis. A model that fails (timeout, error status, malformed answer)
 * stores a failed analysis with the fault: the incident is untouched and the analysis can be run
 * again. The texts sent are the stored ones, which ingestion and the request log already masked and
 * redacted per the org's settings. Thread-safe.
 */
public final class RootCauseAnalyzer {

  /** How far before an incident opened its related requests are looked for. */
  static final Duration LOOK_BACK = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(RootCauseAnalyzer.class);

  private final IncidentStore incidents;
  private final LlmRequestStore requests;
  private final RootCauseStore store;
  private final LanguageModel model;
  private final Clock clock;

  /**
   * Creates the use case.
   *
   * @param incidents the incidents
   * @param requests the LLM request log, or {@code null} where the launcher has none (the analysis
   *     then reads no requests)
   * @param store where analyses are kept
   * @param model the language model, or {@code null} for the built-in analysis
   * @param clock the time
   */
  public RootCauseAnalyzer(
      IncidentStore incidents,
      LlmRequestStore requests,
      RootCauseStore store,
      LanguageModel model,
      Clock clock) {
    this.incidents = incidents;
    this.requests = requests;
    this.store = store;
    this.model = model;
    this.clock = clock;
  }

  /**
   * Names what analyses incidents.
   *
   * @return {@code builtin}, or {@code model:<name>}
   */
  public String source() {
    return model == null ? "builtin" : "model:" + model.name();
  }

  /**
   * Analyses an incident now, on the caller's thread (up to the model's timeout), and stores the
   * result, done or failed.
   *
   * @param orgId the org
   * @param incidentId the incident
   * @return the stored analysis, or empty when the org has no such incident
   */
  public Optional<RcaRecord> analyze(String orgId, String incidentId) {
    Optional<Incident> found = incidents.find(orgId, incidentId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Incident incident = found.get();
    List<LlmRequest> related = related(incident);
    List<String> ids = related.stream().map(LlmRequest::id).toList();
    int attempts = store.find(orgId, incidentId).map(r -> r.attempts() + 1).orElse(1);
    RootCause builtin = BuiltinRootCause.analyze(incident, related);
    RcaRecord record;
    if (model == null) {
      record = record(incident, RcaStatus.DONE, builtin, ids, null, attempts);
    } else {
      try {
        String answer =
            model.complete(RcaPrompt.messages(incident, related, builtin), RcaPrompt.MAX_TOKENS);
        record = record(incident, RcaStatus.DONE, RcaPrompt.read(answer), ids, null, attempts);
      } catch (LanguageModelException e) {
        LOG.warn("root-cause analysis of incident {} failed: {}", incidentId, e.getMessage());
        record = record(incident, RcaStatus.FAILED, null, ids, e.getMessage(), attempts);
      }
    }
    store.save(record);
    return Optional.of(record);
  }

  /**
   * Reads an incident's latest analysis.
   *
   * @param orgId the org
   * @param incidentId the incident
   * @return it, or empty when none was run
   */
  public Optional<RcaRecord> find(String orgId, String incidentId) {
    return store.find(orgId, incidentId);
  }

  /**
   * Reads the related requests an analysis would be given, newest first.
   *
   * @param incident the incident
   * @return at most {@value RcaRecord#MAX_REQUESTS} requests
   */
  public List<LlmRequest> related(Incident incident) {
    if (requests == null) {
      return List.of();
    }
    Map<String, LlmRequest> out = new LinkedHashMap<>();
    List<String> named = new ArrayList<>(incident.relatedIds());
    Collections.reverse(named);
    for (String id : named) {
      if (out.size() == RcaRecord.MAX_REQUESTS) {
        break;
      }
      requests.find(incident.orgId(), id).ifPresent(r -> out.put(r.id(), r));
    }
    if (out.size() < RcaRecord.MAX_REQUESTS) {
      LlmRequestQuery window =
          new LlmRequestQuery(
              incident.orgId(),
              List.of(),
              incident.agentId(),
              null,
              null,
              null,
              null,
              null,
              incident.openedAt().minus(LOOK_BACK),
              incident.lastSeenAt().plusMillis(1),
              LlmRequestSort.TIME,
              true,
              RcaRecord.MAX_REQUESTS,
              0);
      for (LlmRequest r : requests.search(window).items()) {
        if (out.size() < RcaRecord.MAX_REQUESTS) {
          out.putIfAbsent(r.id(), r);
        }
      }
    }
    List<LlmRequest> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparing(LlmRequest::startedAt).reversed().thenComparing(LlmRequest::id));
    return list;
  }

  private RcaRecord record(
      Incident i,
      RcaStatus status,
      RootCause analysis,
      List<String> ids,
      String error,
      int attempts) {
    return new RcaRecord(
        i.orgId(),
        i.id(),
        status,
        source(),
        analysis,
        ids,
        error,
        attempts,
        clock.now().truncatedTo(ChronoUnit.MICROS));
  }
}
