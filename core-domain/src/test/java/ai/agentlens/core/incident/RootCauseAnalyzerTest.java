package ai.agentlens.core.incident;

import static ai.agentlens.core.incident.Requests.T;
import static ai.agentlens.core.incident.Requests.failed;
import static ai.agentlens.core.incident.Requests.incident;
import static ai.agentlens.core.incident.Requests.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.RcaRecord;
import ai.agentlens.core.incident.model.RcaStatus;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.incident.RootCauseStore;
import ai.agentlens.core.port.llm.LanguageModel;
import ai.agentlens.core.port.llm.LanguageModelException;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.risk.RiskAssessment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The analysis use case: which requests it reads, built-in versus model, failures stored as failed
 * and retryable, attempts counted, unknown incidents.
 */
class RootCauseAnalyzerTest {

  private final FakeIncidentStores incidents = new FakeIncidentStores();
  private final Log log = new Log();
  private final Kept kept = new Kept();

  private Incident open(List<String> related) {
    Incident i = incident(TriggerType.ERRORS, "errors", 1, related);
    incidents.incidents.put(i.id(), i);
    return i;
  }

  private RootCauseAnalyzer analyzer(LanguageModel model) {
    return new RootCauseAnalyzer(incidents, log, kept, model, () -> T.plusSeconds(900));
  }

  private static LanguageModel model(AtomicReference<String> answer) {
    return new LanguageModel() {
      @Override
      public String name() {
        return "test-model";
      }

      @Override
      public String complete(List<Message> messages, int maxTokens) {
        if (answer.get() == null) {
          throw new LanguageModelException("language model test-model answered HTTP 500", null);
        }
        return answer.get();
      }
    };
  }

  @Test
  void relatedRequestsAreTheNamedOnesThenTheAgentsWindowNewestFirstAtMostTwenty() {
    for (int i = 0; i < 30; i++) {
      log.rows.add(ok("w" + i, "m", 100, i * 10));
    }
    log.rows.add(ok("early", "m", 100, -3700));
    log.rows.add(ok("named-old", "m", 100, -7200));
    Incident i = open(List.of("named-old", "missing"));
    List<LlmRequest> related = analyzer(null).related(i);
    assertThat(related).hasSize(RcaRecord.MAX_REQUESTS);
    assertThat(related).extracting(LlmRequest::id).contains("named-old").doesNotContain("early");
    assertThat(related.get(0).id()).isEqualTo("w29");
    assertThat(related.get(19).id()).isEqualTo("named-old");
  }

  @Test
  void withoutAModelTheBuiltInAnalysisIsStoredAndAttemptsCount() {
    log.rows.add(failed("r1", "gpt-4o", 100, 5));
    Incident i = open(List.of());
    RcaRecord first = analyzer(null).analyze("org-a", i.id()).orElseThrow();
    assertThat(first.status()).isEqualTo(RcaStatus.DONE);
    assertThat(first.source()).isEqualTo("builtin");
    assertThat(first.analysis().likelyCause()).contains("gpt-4o");
    assertThat(first.requestIds()).containsExactly("r1");
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.updatedAt()).isEqualTo(T.plusSeconds(900));
    assertThat(kept.find("org-a", i.id())).contains(first);
    assertThat(analyzer(null).analyze("org-a", i.id()).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void aFailingModelStoresAFailedAnalysisThatARetryReplaces() {
    Incident i = open(List.of());
    AtomicReference<String> answer = new AtomicReference<>();
    RootCauseAnalyzer a = analyzer(model(answer));
    RcaRecord failed = a.analyze("org-a", i.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(RcaStatus.FAILED);
    assertThat(failed.error()).isEqualTo("language model test-model answered HTTP 500");
    assertThat(failed.source()).isEqualTo("model:test-model");
    assertThat(failed.analysis()).isNull();
    assertThat(incidents.find("org-a", i.id())).contains(i);
    answer.set("not json");
    assertThat(a.analyze("org-a", i.id()).orElseThrow().error())
        .contains("instead of the analysis");
    answer.set(
        "{\"summary\":\"Outage\",\"likelyCause\":\"Provider 503s\",\"evidence\":[\"e\"],"
            + "\"recommendedFixes\":[\"f\"]}");
    RcaRecord done = a.analyze("org-a", i.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(RcaStatus.DONE);
    assertThat(done.analysis().likelyCause()).isEqualTo("Provider 503s");
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(kept.find("org-a", i.id())).contains(done);
  }

  @Test
  void anUnknownOrAnotherOrgsIncidentIsEmptyAndStoresNothing() {
    Incident i = open(List.of());
    assertThat(analyzer(null).analyze("org-a", "nope")).isEmpty();
    assertThat(analyzer(null).analyze("org-b", i.id())).isEmpty();
    assertThat(kept.rows).isEmpty();
  }

  @Test
  void withoutARequestLogTheAnalysisReadsNoRequests() {
    Incident i = open(List.of("r1"));
    RootCauseAnalyzer a = new RootCauseAnalyzer(incidents, null, kept, null, () -> T);
    assertThat(a.analyze("org-a", i.id()).orElseThrow().requestIds()).isEmpty();
  }

  /** An in-memory request log: find by id and the window search the analyzer uses. */
  static final class Log implements LlmRequestStore {
    final List<LlmRequest> rows = new ArrayList<>();

    @Override
    public LlmRequest recordCall(LlmCallWrite call) {
      throw new UnsupportedOperationException();
    }

    @Override
    public LlmRequest recordResponse(LlmResponseWrite response) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void score(String orgId, String id, RiskAssessment risk) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<LlmRequest> find(String orgId, String id) {
      return rows.stream().filter(r -> r.orgId().equals(orgId) && r.id().equals(id)).findFirst();
    }

    @Override
    public LlmRequestPage search(LlmRequestQuery q) {
      List<LlmRequest> out =
          rows.stream()
              .filter(r -> r.orgId().equals(q.orgId()))
              .filter(r -> q.agentId() == null || q.agentId().equals(r.agentId()))
              .filter(r -> !r.startedAt().isBefore(q.from()) && r.startedAt().isBefore(q.to()))
              .sorted(Comparator.comparing(LlmRequest::startedAt).reversed())
              .limit(q.limit())
              .toList();
      return new LlmRequestPage(out, false);
    }
  }

  /** In-memory analyses. */
  static final class Kept implements RootCauseStore {
    final Map<String, RcaRecord> rows = new HashMap<>();

    @Override
    public void save(RcaRecord r) {
      rows.put(r.orgId() + "/" + r.incidentId(), r);
    }

    @Override
    public Optional<RcaRecord> find(String orgId, String incidentId) {
      return Optional.ofNullable(rows.get(orgId + "/" + incidentId));
    }
  }
}
