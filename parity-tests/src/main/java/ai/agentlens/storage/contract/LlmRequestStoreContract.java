package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.agentlens.core.llm.SearchText;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.port.llm.LlmRequestSort;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmRequestStore;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import ai.agentlens.core.port.llm.LlmRunRisk;
import ai.agentlens.core.risk.RiskAssessment;
import ai.agentlens.core.risk.RiskReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link LlmRequestStore} contract: a call then its response make one row (and the other way
 * round), told again they change nothing; scores round-trip with their reasons; full-text search
 * matches words and phrases in prompt or response case-insensitively, ranks the more frequent match
 * first; filters by agent, model, provider, risk range, status and time; sorts by time, latency,
 * risk and model (ties by id) and pages without overlap; a search by relevance ranks the org's
 * newest matches that pass the filters, up to a bound; another org reads nothing.
 */
public abstract class LlmRequestStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-04-01T10:00:00.123456Z");

  private LlmRequestStore store() {
    return provider.llmRequests();
  }

  /**
   * Returns a store over the backend under test with small search bounds (the shipped store's are
   * in the thousands, too many to test them with).
   *
   * @param window rows a search by time, latency, risk or model walks before it turns to the
   *     full-text index, &gt; 0
   * @param ranked matches a search by relevance ranks, &gt; 0
   * @param cap matches of the backend's candidates a search by latency, risk or model sorts, &gt; 0
   * @return the store
   */
  protected abstract LlmRequestStore bounded(int window, int ranked, int cap);

  private LlmRequestStore rankingAtMost(int n) {
    return bounded(1_000, n, 50_000);
  }

  private LlmRequest pair(
      String org,
      String callId,
      String agent,
      String model,
      String prompt,
      String response,
      long latency,
      int secondsAfterT,
      boolean failed) {
    Instant at = T.plusSeconds(secondsAfterT);
    store()
        .recordCall(
            new LlmCallWrite(
                org, "id-" + callId, callId, agent, "ses-1", "openai", model, prompt, at, "event"));
    return store()
        .recordResponse(
            new LlmResponseWrite(
                org,
                "resp-" + callId,
                callId,
                agent,
                "ses-1",
                "openai",
                model,
                response,
                failed ? LlmRequestStatus.ERROR : LlmRequestStatus.SUCCESS,
                failed ? "error" : "stop",
                latency,
                10,
                20,
                at.plusMillis(latency),
                "event"));
  }

  private static LlmRequestQuery query(String org, String q, LlmRequestSort sort, boolean desc) {
    return new LlmRequestQuery(
        org,
        SearchText.parse(q),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        sort,
        desc,
        50,
        0);
  }

  private List<String> ids(LlmRequestQuery q) {
    return store().search(q).items().stream().map(LlmRequest::callId).toList();
  }

  @Test
  void aCallThenItsResponseMakeOneRowAndTellingAgainChangesNothing() {
    String org = newOrg().id();
    LlmRequest pending =
        store()
            .recordCall(
                new LlmCallWrite(
                    org, "id-1", "call-1", "bot", "ses-1", "openai", "gpt-4o", "Hello?", T,
                    "event"));
    assertThat(pending.status()).isEqualTo(LlmRequestStatus.PENDING);
    assertThat(pending.response()).isEmpty();
    assertThat(pending.latencyMs()).isNull();
    assertThat(pending.riskScore()).isNull();
    LlmRequest done = pair(org, "call-1", "bot", "gpt-4o", "Hello?", "Hi there", 420, 0, false);
    assertThat(done.id()).isEqualTo("id-1");
    assertThat(done.prompt()).isEqualTo("Hello?");
    assertThat(done.response()).isEqualTo("Hi there");
    assertThat(done.status()).isEqualTo(LlmRequestStatus.SUCCESS);
    assertThat(done.finishReason()).isEqualTo("stop");
    assertThat(done.latencyMs()).isEqualTo(420L);
    assertThat(done.inputTokens()).isEqualTo(10);
    assertThat(done.outputTokens()).isEqualTo(20);
    assertThat(done.startedAt()).isEqualTo(T);
    assertThat(done.completedAt()).isEqualTo(T.plusMillis(420));
    LlmRequest again = pair(org, "call-1", "bot", "gpt-4o", "Hello?", "Hi there", 420, 0, false);
    assertThat(again).isEqualTo(done);
    assertThat(store().search(LlmRequestQuery.newest(org, 10)).items()).containsExactly(done);
  }

  @Test
  void aResponseBeforeItsCallIsCompletedByTheCall() {
    String org = newOrg().id();
    LlmRequest early =
        store()
            .recordResponse(
                new LlmResponseWrite(
                    org,
                    "resp-9",
                    "call-9",
                    "bot",
                    "ses-1",
                    "anthropic",
                    "claude",
                    "Sure.",
                    LlmRequestStatus.SUCCESS,
                    "stop",
                    90L,
                    null,
                    null,
                    T,
                    "event"));
    assertThat(early.prompt()).isEmpty();
    assertThat(early.status()).isEqualTo(LlmRequestStatus.SUCCESS);
    LlmRequest full =
        store()
            .recordCall(
                new LlmCallWrite(
                    org,
                    "id-9",
                    "call-9",
                    "bot",
                    "ses-1",
                    "anthropic",
                    "claude",
                    "Say sure",
                    T.minusMillis(90),
                    "event"));
    assertThat(full.id()).isEqualTo("resp-9");
    assertThat(full.prompt()).isEqualTo("Say sure");
    assertThat(full.response()).isEqualTo("Sure.");
    assertThat(full.status()).isEqualTo(LlmRequestStatus.SUCCESS);
    assertThat(full.startedAt()).isEqualTo(T.minusMillis(90));
    assertThat(full.inputTokens()).isNull();
  }

  @Test
  void scoresRoundTripWithTheirReasons() {
    String org = newOrg().id();
    LlmRequest r = pair(org, "c", "bot", "m", "p", "r", 5, 0, false);
    RiskAssessment risk =
        new RiskAssessment(
            73,
            "risk-v1",
            List.of(
                new RiskReason("prompt_injection", 0.6, "instruction_override"),
                new RiskReason("refusal", 0.25, "the completion refuses")));
    store().score(org, r.id(), risk);
    LlmRequest read = store().find(org, r.id()).orElseThrow();
    assertThat(read.riskScore()).isEqualTo(73);
    assertThat(read.riskVersion()).isEqualTo("risk-v1");
    assertThat(read.reasons()).isEqualTo(risk.reasons());
    store().score(org, "no-such-id", risk);
    assertThat(store().find(org, "no-such-id")).isEmpty();
  }

  @Test
  void aRunOfHalvesOfSeveralOrgsStoresEachRowOnceAsOneByOneWould() {
    String org = newOrg().id();
    String other = newOrg().id();
    LlmCallWrite call =
        new LlmCallWrite(org, "id-a", "a", "bot", "ses-1", "openai", "gpt-4o", "Hi", T, "event");
    LlmResponseWrite answer =
        new LlmResponseWrite(
            org,
            "resp-a",
            "a",
            "bot",
            "ses-1",
            "openai",
            "gpt-4o-2024",
            "Hello",
            LlmRequestStatus.SUCCESS,
            "stop",
            70L,
            3,
            4,
            T.plusMillis(70),
            "event");
    LlmCallWrite pending =
        new LlmCallWrite(org, "id-b", "b", "bot", "ses-1", null, "m", "Later", T, "event");
    LlmCallWrite elsewhere =
        new LlmCallWrite(other, "id-a", "a", "bot", "ses-9", null, "m", "Other org", T, "event");

    List<LlmRequest> rows = store().recordAll(List.of(call, elsewhere, answer, pending));

    assertThat(rows)
        .extracting(LlmRequest::orgId, LlmRequest::callId)
        .containsExactlyInAnyOrder(tuple(org, "a"), tuple(org, "b"), tuple(other, "a"));
    LlmRequest a = store().find(org, "id-a").orElseThrow();
    assertThat(rows).contains(a, store().find(org, "id-b").orElseThrow());
    assertThat(rows).contains(store().find(other, "id-a").orElseThrow());
    assertThat(a.prompt()).isEqualTo("Hi");
    assertThat(a.response()).isEqualTo("Hello");
    assertThat(a.model()).isEqualTo("gpt-4o-2024");
    assertThat(a.status()).isEqualTo(LlmRequestStatus.SUCCESS);
    assertThat(a.latencyMs()).isEqualTo(70L);
    assertThat(store().find(other, "id-a").orElseThrow().prompt()).isEqualTo("Other org");

    String oneByOne = newOrg().id();
    store().recordCall(withOrg(call, oneByOne));
    LlmRequest expected = store().recordResponse(withOrg(answer, oneByOne));
    assertThat(a).usingRecursiveComparison().ignoringFields("orgId").isEqualTo(expected);
    assertThat(store().recordAll(List.of(call, answer, pending)))
        .containsExactlyInAnyOrder(a, store().find(org, "id-b").orElseThrow());
  }

  @Test
  void aCallAndItsResponseInOneRunLeaveTheRowOneByOneWouldInEitherOrderOverAnyRow() {
    LlmCallWrite call =
        new LlmCallWrite("o", "id-c", "k", "bot", "ses-1", "azure", "gpt-4o", "Why?", T, "event");
    LlmResponseWrite answer =
        new LlmResponseWrite(
            "o",
            "resp-c",
            "k",
            "other-bot",
            "ses-2",
            "openai",
            null,
            "Because.",
            LlmRequestStatus.ERROR,
            "error",
            12L,
            null,
            7,
            T.plusMillis(12),
            "api");
    LlmCallWrite earlier =
        new LlmCallWrite(
            "o",
            "id-old",
            "k",
            "older-bot",
            "ses-0",
            "anthropic",
            "claude",
            "Old?",
            T.minusSeconds(60),
            "event");
    for (boolean existing : List.of(false, true)) {
      for (boolean callFirst : List.of(true, false)) {
        String run = newOrg().id();
        String oneByOne = newOrg().id();
        List<LlmHalfWrite> halves =
            callFirst
                ? List.of(withOrg(call, run), withOrg(answer, run))
                : List.of(withOrg(answer, run), withOrg(call, run));
        if (existing) {
          store().recordCall(withOrg(earlier, run));
          store().recordCall(withOrg(earlier, oneByOne));
        }
        LlmRequest together = store().recordAll(halves).get(0);
        for (LlmHalfWrite h : halves) {
          if (h instanceof LlmCallWrite c) {
            store().recordCall(withOrg(c, oneByOne));
          } else {
            store().recordResponse(withOrg((LlmResponseWrite) h, oneByOne));
          }
        }
        LlmRequest apart = store().search(LlmRequestQuery.newest(oneByOne, 10)).items().get(0);
        assertThat(together)
            .as("existing row %s, call first %s", existing, callFirst)
            .usingRecursiveComparison()
            .ignoringFields("orgId")
            .isEqualTo(apart);
        assertThat(store().search(LlmRequestQuery.newest(run, 10)).items())
            .containsExactly(together);
      }
    }
  }

  @Test
  void aScoredRunStoresEachRowsAssessmentWithItsTextsAndLeavesOthersAlone() {
    String org = newOrg().id();
    LlmRequest kept = pair(org, "kept", "bot", "m", "p", "r", 5, 0, false);
    RiskAssessment old =
        new RiskAssessment(7, "risk-v1", List.of(new RiskReason("refusal", 0.07, "old")));
    store().score(org, kept.id(), old);
    RiskAssessment high =
        new RiskAssessment(81, "risk-v1", List.of(new RiskReason("jailbreak", 0.81, "sudo")));
    List<LlmRequest> rows =
        store()
            .recordAll(
                List.of(
                    new LlmCallWrite(
                        org, "id-x", "x", "bot", "s", null, "m", "sudo mode", T, "event"),
                    new LlmCallWrite(org, "id-y", "y", "bot", "s", null, "m", "hello", T, "event")),
                r ->
                    r.prompt().contains("sudo")
                        ? high
                        : new RiskAssessment(0, "risk-v1", List.of()));
    assertThat(rows).extracting(LlmRequest::riskScore).containsExactly(81, 0);
    assertThat(rows.get(0).reasons()).isEqualTo(high.reasons());
    assertThat(store().find(org, "id-x").orElseThrow()).isEqualTo(rows.get(0));
    assertThat(store().find(org, "id-y").orElseThrow()).isEqualTo(rows.get(1));
    assertThat(store().find(org, kept.id()).orElseThrow().riskScore()).isEqualTo(7);
    assertThat(
            store()
                .recordAll(
                    List.of(
                        withOrg(
                            new LlmCallWrite(
                                org, "id-z", "z", "bot", "s", null, "m", "q", T, "event"),
                            org))))
        .extracting(LlmRequest::riskScore)
        .containsExactly((Integer) null);
  }

  @Test
  void aRowTheRunCreatesIsWrittenWithItsExpectedScoreAndAnExistingRowKeepsItsOwnUntilAssessed() {
    String org = newOrg().id();
    LlmRequest old = pair(org, "old", "bot", "m", "p", "r", 5, 0, false);
    store().score(org, old.id(), new RiskAssessment(7, "risk-v1", List.of()));
    RiskAssessment expected =
        new RiskAssessment(40, "risk-v1", List.of(new RiskReason("pii", 0.4, "email")));
    RiskAssessment unscored = new RiskAssessment(99, "risk-v1", List.of());
    // why: assess keeps whatever score the row was written with, so a row shows the expected
    // score only if the write itself stored it
    LlmRunRisk risk =
        new LlmRunRisk() {
          @Override
          public RiskAssessment assess(LlmRequest r) {
            return r.riskScore() == null
                ? unscored
                : new RiskAssessment(r.riskScore(), r.riskVersion(), r.reasons());
          }

          @Override
          public Optional<RiskAssessment> expected(String orgId, String callId) {
            return callId.equals("none") ? Optional.empty() : Optional.of(expected);
          }
        };
    List<LlmHalfWrite> run =
        List.of(
            new LlmCallWrite(org, "id-pair", "pair", "bot", "s", null, "m", "hi", T, "event"),
            new LlmResponseWrite(
                org,
                "resp-pair",
                "pair",
                "bot",
                "s",
                "openai",
                "m",
                "hello",
                LlmRequestStatus.SUCCESS,
                "stop",
                9L,
                1,
                2,
                T.plusMillis(9),
                "event"),
            new LlmCallWrite(org, "id-lone", "lone", "bot", "s", null, "m", "hi", T, "event"),
            new LlmCallWrite(org, "id-none", "none", "bot", "s", null, "m", "hi", T, "event"),
            new LlmResponseWrite(
                org,
                "resp-old2",
                "old",
                "bot",
                "s",
                "openai",
                "m",
                "again",
                LlmRequestStatus.SUCCESS,
                "stop",
                9L,
                1,
                2,
                T.plusMillis(9),
                "event"));
    List<LlmRequest> rows = store().recordAll(run, risk);
    assertThat(rows)
        .extracting(LlmRequest::callId, LlmRequest::riskScore)
        .containsExactly(tuple("pair", 40), tuple("lone", 40), tuple("none", 99), tuple("old", 7));
    assertThat(rows.get(0).reasons()).isEqualTo(expected.reasons());
    for (LlmRequest r : rows) {
      assertThat(store().find(org, r.id()).orElseThrow()).isEqualTo(r);
    }
  }

  private static LlmCallWrite withOrg(LlmCallWrite w, String org) {
    return new LlmCallWrite(
        org,
        w.id(),
        w.callId(),
        w.agentId(),
        w.sessionId(),
        w.provider(),
        w.model(),
        w.prompt(),
        w.startedAt(),
        w.source());
  }

  private static LlmResponseWrite withOrg(LlmResponseWrite w, String org) {
    return new LlmResponseWrite(
        org,
        w.id(),
        w.callId(),
        w.agentId(),
        w.sessionId(),
        w.provider(),
        w.model(),
        w.response(),
        w.status(),
        w.finishReason(),
        w.latencyMs(),
        w.inputTokens(),
        w.outputTokens(),
        w.completedAt(),
        w.source());
  }

  @Test
  void fullTextMatchesWordsAndPhrasesInPromptOrResponseAndRanksFrequentFirst() {
    String org = newOrg().id();
    pair(org, "once", "bot", "m", "Please REFUND order twelve today now", "ok", 5, 0, false);
    pair(org, "thrice", "bot", "m", "refund refund refund", "done", 5, 1, false);
    pair(org, "resp", "bot", "m", "what now", "Your Refund is on its way", 5, 2, false);
    pair(org, "none", "bot", "m", "shipping question", "the courier is late", 5, 3, false);
    pair(org, "split", "bot", "m", "order was twelve days late", "no", 5, 4, false);
    pair(org, "twice", "bot", "m", "order twelve, then order twelve again", "sure", 5, 5, false);
    assertThat(ids(query(org, "refund", LlmRequestSort.RELEVANCE, true)))
        .startsWith("thrice")
        .containsExactlyInAnyOrder("thrice", "once", "resp");
    assertThat(ids(query(org, "refund", LlmRequestSort.TIME, true)))
        .containsExactly("resp", "thrice", "once");
    assertThat(ids(query(org, "\"order twelve\"", LlmRequestSort.TIME, true)))
        .containsExactly("twice", "once");
    assertThat(ids(query(org, "\"order twelve\"", LlmRequestSort.RELEVANCE, true)))
        .as("a phrase by relevance: only rows holding it, the one holding it twice first")
        .containsExactly("twice", "once");
    assertThat(ids(query(org, "\"twelve order\" refund", LlmRequestSort.RELEVANCE, true)))
        .as("a phrase keeps its word order")
        .isEmpty();
    assertThat(ids(query(org, "\"order twelve\" please", LlmRequestSort.RELEVANCE, true)))
        .containsExactly("once");
    assertThat(ids(query(org, "order twelve", LlmRequestSort.TIME, true)))
        .containsExactly("twice", "split", "once");
    assertThat(ids(query(org, "courier LATE", LlmRequestSort.TIME, true))).containsExactly("none");
    assertThat(ids(query(org, "refun", LlmRequestSort.TIME, true))).isEmpty();
    assertThat(ids(query(org, "refund) OR \"x* NEAR(", LlmRequestSort.TIME, true))).isEmpty();
  }

  @Test
  void filtersByAgentModelProviderRiskStatusAndTimeWithOrWithoutWords() {
    String org = newOrg().id();
    LlmRequest a = pair(org, "a", "alpha", "gpt-4o", "parcel", "r", 100, 0, false);
    LlmRequest b = pair(org, "b", "beta", "claude", "parcel", "r", 200, 60, true);
    pair(org, "c", "alpha", "claude", "parcel", "r", 300, 120, false);
    store().score(org, a.id(), new RiskAssessment(10, "risk-v1", List.of()));
    store().score(org, b.id(), new RiskAssessment(80, "risk-v1", List.of()));
    // why: equal texts rank equal, so a search by relevance ties break newest first, like time
    for (LlmRequestQuery all :
        List.of(
            LlmRequestQuery.newest(org, 50),
            query(org, "parcel", LlmRequestSort.RELEVANCE, true),
            query(org, "parcel", LlmRequestSort.TIME, true))) {
      assertThat(ids(all.filtered("alpha", null, null, null, null, null, null, null)))
          .as("%s", all.sort())
          .containsExactly("c", "a");
      assertThat(ids(all.filtered(null, "claude", null, null, null, null, null, null)))
          .containsExactly("c", "b");
      assertThat(ids(all.filtered(null, null, "openai", null, null, null, null, null)))
          .containsExactly("c", "b", "a");
      assertThat(ids(all.filtered(null, null, "anthropic", null, null, null, null, null)))
          .isEmpty();
      assertThat(ids(all.filtered(null, null, null, 50, null, null, null, null)))
          .containsExactly("b");
      assertThat(ids(all.filtered(null, null, null, 10, 10, null, null, null)))
          .containsExactly("a");
      assertThat(
              ids(all.filtered(null, null, null, null, null, LlmRequestStatus.ERROR, null, null)))
          .containsExactly("b");
      assertThat(ids(all.filtered(null, null, null, null, null, null, T.plusSeconds(60), null)))
          .containsExactly("c", "b");
      assertThat(ids(all.filtered(null, null, null, null, null, null, null, T.plusSeconds(60))))
          .containsExactly("a");
    }
  }

  @Test
  void aSearchByRelevanceRanksOnlyTheOrgsNewestMatchesThatPassTheFilters() {
    String org = newOrg().id();
    String other = newOrg().id();
    pair(org, "old-best", "bot", "m", "refund refund refund refund", "ok", 5, 0, false);
    pair(org, "r1", "bot", "m", "refund once", "ok", 5, 1, false);
    pair(org, "r2", "bot", "m", "refund refund", "ok", 5, 2, false);
    pair(org, "helper", "helper", "m", "refund refund refund", "ok", 5, 3, false);
    pair(org, "r3", "bot", "m", "a refund", "ok", 5, 4, false);
    pair(org, "no-match", "bot", "m", "shipping", "ok", 5, 5, false);
    pair(other, "theirs", "bot", "m", "refund refund refund refund refund", "ok", 5, 6, false);
    assertThat(ids(query(org, "refund", LlmRequestSort.RELEVANCE, true)))
        .startsWith("old-best")
        .containsExactlyInAnyOrder("old-best", "r1", "r2", "helper", "r3");

    LlmRequestStore bounded = rankingAtMost(3);
    List<String> newest = ids(bounded, query(org, "refund", LlmRequestSort.RELEVANCE, true));
    assertThat(newest).startsWith("helper").containsExactlyInAnyOrder("helper", "r2", "r3");
    LlmRequestQuery bots =
        query(org, "refund", LlmRequestSort.RELEVANCE, true)
            .filtered("bot", null, null, null, null, null, null, null);
    assertThat(ids(bounded, bots)).startsWith("r2").containsExactlyInAnyOrder("r1", "r2", "r3");
    LlmRequestPage first = bounded.search(bots.page(2, 0));
    LlmRequestPage second = bounded.search(bots.page(2, 2));
    assertThat(first.hasMore()).isTrue();
    assertThat(second.hasMore()).isFalse();
    List<String> paged = new ArrayList<>();
    first.items().forEach(r -> paged.add(r.callId()));
    second.items().forEach(r -> paged.add(r.callId()));
    assertThat(paged).isEqualTo(ids(bounded, bots));
    assertThat(ids(bounded, query(other, "refund", LlmRequestSort.RELEVANCE, true)))
        .containsExactly("theirs");
  }

  @Test
  void aPhraseSearchByRelevanceRanksOnlyTheNewestRowsHoldingThePhrase() {
    String org = newOrg().id();
    String other = newOrg().id();
    pair(org, "old-best", "bot", "m", "full refund, full refund, full refund", "ok", 5, 0, false);
    pair(org, "p1", "bot", "m", "a full refund", "ok", 5, 1, false);
    pair(org, "p2", "bot", "m", "full refund please, full refund", "ok", 5, 2, false);
    pair(org, "words", "bot", "m", "refund paid in full", "ok", 5, 3, false);
    pair(other, "theirs", "bot", "m", "full refund full refund full refund", "ok", 5, 4, false);
    LlmRequestQuery phrase = query(org, "\"full refund\"", LlmRequestSort.RELEVANCE, true);
    assertThat(ids(phrase)).containsExactly("old-best", "p2", "p1");
    assertThat(ids(rankingAtMost(2), phrase))
        .as("the two newest rows holding the phrase; a newer row with its words apart is not one")
        .containsExactly("p2", "p1");
    assertThat(
            ids(rankingAtMost(2), query(other, "\"full refund\"", LlmRequestSort.RELEVANCE, true)))
        .containsExactly("theirs");
  }

  private static List<String> ids(LlmRequestStore store, LlmRequestQuery q) {
    return store.search(q).items().stream().map(LlmRequest::callId).toList();
  }

  @Test
  void sortsByTimeLatencyRiskAndModelAndPagesWithoutOverlap() {
    String org = newOrg().id();
    LlmRequest a = pair(org, "a", "x", "m-b", "p", "r", 300, 0, false);
    LlmRequest b = pair(org, "b", "x", "m-a", "p", "r", 100, 1, false);
    LlmRequest c = pair(org, "c", "x", "m-c", "p", "r", 200, 2, false);
    store()
        .recordCall(
            new LlmCallWrite(
                org, "id-d", "d", "x", "s", "openai", "m-0", "p", T.plusSeconds(3), "event"));
    store().score(org, a.id(), new RiskAssessment(50, "risk-v1", List.of()));
    store().score(org, b.id(), new RiskAssessment(90, "risk-v1", List.of()));
    store().score(org, c.id(), new RiskAssessment(5, "risk-v1", List.of()));
    assertThat(ids(query(org, null, LlmRequestSort.TIME, true)))
        .containsExactly("d", "c", "b", "a");
    assertThat(ids(query(org, null, LlmRequestSort.TIME, false)))
        .containsExactly("a", "b", "c", "d");
    assertThat(ids(query(org, null, LlmRequestSort.LATENCY, false)))
        .containsExactly("b", "c", "a", "d");
    assertThat(ids(query(org, null, LlmRequestSort.LATENCY, true)))
        .containsExactly("a", "c", "b", "d");
    assertThat(ids(query(org, null, LlmRequestSort.RISK, true)))
        .containsExactly("b", "a", "c", "d");
    assertThat(ids(query(org, null, LlmRequestSort.MODEL, false)))
        .containsExactly("d", "b", "a", "c");
    LlmRequestQuery first =
        new LlmRequestQuery(
            org,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            LlmRequestSort.TIME,
            true,
            3,
            0);
    LlmRequestPage p1 = store().search(first);
    assertThat(p1.hasMore()).isTrue();
    LlmRequestPage p2 =
        store()
            .search(
                new LlmRequestQuery(
                    org,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    LlmRequestSort.TIME,
                    true,
                    3,
                    3));
    assertThat(p2.hasMore()).isFalse();
    assertThat(p1.items().stream().map(LlmRequest::callId)).containsExactly("d", "c", "b");
    assertThat(p2.items().stream().map(LlmRequest::callId)).containsExactly("a");
  }

  @Test
  void sortsByLatencyRiskAndModelWithOrWithoutWordsPageByPageWhateverPathFindsTheRows() {
    String org = newOrg().id();
    LlmRequest a = pair(org, "a", "x", "m-b", "refund parcel", "r", 300, 0, false);
    LlmRequest b = pair(org, "b", "x", "m-a", "refund", "r", 100, 1, false);
    pair(org, "c", "x", "m-c", "parcel", "r", 200, 2, false);
    LlmRequest d = pair(org, "d", "x", "m-z", "refund", "r", 400, 3, false);
    LlmRequest e = pair(org, "e", "x", "m-a", "a refund", "r", 100, 4, false);
    for (String[] call : new String[][] {{"f", "refund"}, {"g", "parcel"}}) {
      store()
          .recordCall(
              new LlmCallWrite(
                  org,
                  "id-" + call[0],
                  call[0],
                  "x",
                  "s",
                  "openai",
                  null,
                  call[1],
                  T.plusSeconds(5),
                  "event"));
    }
    store().score(org, a.id(), new RiskAssessment(50, "risk-v1", List.of()));
    store().score(org, b.id(), new RiskAssessment(90, "risk-v1", List.of()));
    store().score(org, d.id(), new RiskAssessment(5, "risk-v1", List.of()));
    store().score(org, e.id(), new RiskAssessment(90, "risk-v1", List.of()));
    record Case(String words, LlmRequestSort sort, boolean desc, List<String> want) {}
    // why: rows without a value come last in either direction, ties (and those rows) by id
    List<Case> cases =
        List.of(
            new Case("refund", LlmRequestSort.LATENCY, false, List.of("b", "e", "a", "d", "f")),
            new Case("refund", LlmRequestSort.LATENCY, true, List.of("d", "a", "e", "b", "f")),
            new Case("refund", LlmRequestSort.RISK, true, List.of("e", "b", "a", "d", "f")),
            new Case("refund", LlmRequestSort.MODEL, false, List.of("b", "e", "a", "d", "f")),
            new Case(
                null, LlmRequestSort.LATENCY, false, List.of("b", "e", "c", "a", "d", "f", "g")),
            new Case(
                null, LlmRequestSort.LATENCY, true, List.of("d", "a", "c", "e", "b", "g", "f")),
            new Case(null, LlmRequestSort.RISK, false, List.of("d", "a", "b", "e", "c", "f", "g")),
            new Case(null, LlmRequestSort.MODEL, true, List.of("d", "c", "a", "e", "b", "g", "f")));
    // why: each store takes another path: the first rows walked one by one (window 1,000), the
    // backend's candidates (window 1 finds no page), the plain plan (cap 1 refuses them)
    Map<String, LlmRequestStore> stores =
        Map.of(
            "shipped", store(),
            "window 1,000", bounded(1_000, 2_000, 50_000),
            "window 1", bounded(1, 2_000, 50_000),
            "window 1, cap 1", bounded(1, 2_000, 1));
    for (Map.Entry<String, LlmRequestStore> s : stores.entrySet()) {
      for (Case c : cases) {
        LlmRequestQuery q = query(org, c.words(), c.sort(), c.desc());
        String as = s.getKey() + ", " + c.words() + " by " + c.sort() + (c.desc() ? " desc" : "");
        assertThat(s.getValue().search(q).items().stream().map(LlmRequest::callId))
            .as(as)
            .containsExactlyElementsOf(c.want());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; ; offset += 2) {
          LlmRequestPage page = s.getValue().search(q.page(2, offset));
          page.items().stream().map(LlmRequest::callId).forEach(paged::add);
          if (!page.hasMore()) {
            break;
          }
        }
        assertThat(paged).as(as + ", pages of 2").isEqualTo(c.want());
      }
    }
  }

  @Test
  void aSearchByTimePagesExactlyThroughFullAndPartialPagesWithFilters() {
    String org = newOrg().id();
    String other = newOrg().id();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean hit = i % 3 == 0;
      String agent = i % 2 == 0 ? "even" : "odd";
      pair(org, "k" + i, agent, "m", hit ? "refund order" : "greeting", "ok", 5, i, false);
      pair(other, "k" + i, agent, "m", "refund order", "ok", 5, i, false);
      if (hit && agent.equals("even")) {
        expected.add(0, "k" + i);
      }
    }
    for (boolean desc : List.of(true, false)) {
      List<String> want = new ArrayList<>(expected);
      if (!desc) {
        Collections.reverse(want);
      }
      List<String> got = new ArrayList<>();
      for (int offset = 0; ; offset += 2) {
        LlmRequestPage page =
            store()
                .search(
                    new LlmRequestQuery(
                        org,
                        SearchText.parse("refund"),
                        "even",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        LlmRequestSort.TIME,
                        desc,
                        2,
                        offset));
        page.items().forEach(r -> got.add(r.callId()));
        if (!page.hasMore()) {
          break;
        }
      }
      assertThat(got).as("descending %s", desc).isEqualTo(want);
    }
  }

  @Test
  void anotherOrgReadsNothing() {
    String org = newOrg().id();
    String other = newOrg().id();
    LlmRequest mine = pair(org, "shared-call", "bot", "m", "secret refund plan", "r", 5, 0, false);
    LlmRequest theirs = pair(other, "shared-call", "bot", "m", "their text", "r", 5, 0, false);
    assertThat(theirs.prompt()).isEqualTo("their text");
    assertThat(store().find(other, mine.id()).orElseThrow().prompt()).isEqualTo("their text");
    assertThat(store().find(other, "id-only-mine")).isEmpty();
    store()
        .recordCall(
            new LlmCallWrite(
                org, "id-only-mine", "only-mine", "b", "s", "o", "m", "x", T, "event"));
    assertThat(store().find(org, "id-only-mine")).isPresent();
    assertThat(store().find(other, "id-only-mine")).isEmpty();
    assertThat(ids(query(other, "refund", LlmRequestSort.TIME, true))).isEmpty();
    assertThat(ids(query(other, null, LlmRequestSort.TIME, true))).containsExactly("shared-call");
    assertThat(store().search(LlmRequestQuery.newest(other, 10)).items().get(0).orgId())
        .isEqualTo(other);
    assertThat(store().find(org, mine.id()).orElseThrow().prompt()).isEqualTo("secret refund plan");
    store().score(other, "id-only-mine", new RiskAssessment(99, "risk-v1", List.of()));
    assertThat(store().find(org, "id-only-mine").orElseThrow().riskScore()).isNull();
    assertThat(store().findByCallIds(other, List.of("only-mine", "shared-call")))
        .containsOnlyKeys("shared-call");
    assertThat(store().findByCallIds(other, List.of("shared-call")).get("shared-call").prompt())
        .isEqualTo("their text");
  }

  @Test
  void rowsAreFoundByTheirCallIdsAsTheyStand() {
    String org = newOrg().id();
    LlmRequest done = pair(org, "found-1", "bot", "m", "Hello?", "Hi", 5, 0, false);
    LlmRequest pending =
        store()
            .recordCall(
                new LlmCallWrite(org, "id-f2", "found-2", "b", "s", "o", "m", "x", T, "event"));
    assertThat(store().findByCallIds(org, List.of("found-1", "found-2", "absent")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("found-1", done, "found-2", pending));
    assertThat(store().findByCallIds(org, List.of())).isEmpty();
  }
}
