package ai.agentlens.core.incident;

import static ai.agentlens.core.incident.Requests.failed;
import static ai.agentlens.core.incident.Requests.incident;
import static ai.agentlens.core.incident.Requests.ok;
import static ai.agentlens.core.incident.Requests.request;
import static ai.agentlens.core.incident.Requests.risky;
import static ai.agentlens.core.incident.Requests.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in analysis against hand-computed examples, one per signal. */
class BuiltinRootCauseTest {

  @Test
  void errorsPointAtTheModelAndFinishReasonThatFailMost() {
    List<LlmRequest> rs =
        List.of(
            failed("r1", "gpt-4o", 100, 1),
            failed("r2", "gpt-4o", 120, 2),
            failed("r3", "gpt-4o", 130, 3),
            ok("r4", "claude-3-5-haiku", 110, 4));
    RootCause a =
        BuiltinRootCause.analyze(
            incident(TriggerType.ERRORS, "3 errors in 5 min", 2, List.of()), rs);
    assertThat(a.summary())
        .isEqualTo(
            "3 errors in 5 min: 4 related LLM requests analysed, 3 failed, 0 slow, 0 risky"
                + " (errors trigger, seen 2 times).");
    assertThat(a.likelyCause())
        .isEqualTo("3 of 3 failed requests were gpt-4o (finish reason error).");
    assertThat(a.evidence())
        .containsExactly(
            "Trigger details: {\"value\":3}",
            "Models: gpt-4o 3 requests, claude-3-5-haiku 1 requests.",
            "Failures: gpt-4o (finish reason error) 3.",
            "Latency: median 110 ms, slowest 130 ms.");
    assertThat(a.recommendedFixes())
        .containsExactly(
            "Check the provider's status and the API key used for gpt-4o; retry with backoff or"
                + " fall back to another model.",
            "Review the related requests on the LLM requests page, then resolve the incident.");
  }

  @Test
  void latencyPointsAtTheModelOfRequestsOverTwiceTheMedian() {
    List<LlmRequest> rs =
        List.of(
            ok("r1", "gpt-4o-mini", 100, 1),
            ok("r2", "gpt-4o-mini", 100, 2),
            ok("r3", "gpt-4o-mini", 110, 3),
            ok("r4", "o1", 900, 4),
            ok("r5", "o1", 200, 5));
    RootCause a =
        BuiltinRootCause.analyze(
            incident(TriggerType.LATENCY, "p95 over 500 ms", 1, List.of()), rs);
    // sorted 100,100,110,200,900: median 110; over 220: only 900
    assertThat(a.summary())
        .contains("5 related LLM requests analysed, 0 failed, 1 slow, 0 risky")
        .endsWith("(latency trigger, seen 1 time).");
    assertThat(a.likelyCause())
        .isEqualTo("1 of 1 slow requests (over twice the median of 110 ms) used o1.");
    assertThat(a.evidence())
        .contains("Latency: median 110 ms, slowest 900 ms; over twice the median: o1 1.");
    assertThat(a.recommendedFixes().get(0)).startsWith("Move latency-sensitive calls off o1");
  }

  @Test
  void latencyWithoutOutliersSaysItRoseAcrossTheBoard() {
    List<LlmRequest> rs = List.of(ok("r1", "m", 400, 1), ok("r2", "m", 500, 2));
    RootCause a = BuiltinRootCause.analyze(incident(TriggerType.LATENCY, "slow", 1, List.of()), rs);
    assertThat(a.likelyCause())
        .startsWith("No related request was over twice the median latency (400 ms)");
    assertThat(a.recommendedFixes().get(0)).startsWith("Move latency-sensitive calls off m");
  }

  @Test
  void riskNamesTheCommonestReasonAndTheGuardrailsThatAddressEach() {
    List<LlmRequest> rs =
        List.of(
            risky("r1", 90, 1, "prompt_injection", "pii_in_prompt"),
            risky("r2", 70, 2, "prompt_injection"),
            risky("r3", 20, 3, "refusal"),
            risky("r4", 60, 4, "secret_in_response"));
    RootCause a =
        BuiltinRootCause.analyze(incident(TriggerType.RISK, "risk over 50", 3, List.of()), rs);
    assertThat(a.likelyCause())
        .isEqualTo("2 of 3 risky requests were flagged for prompt_injection.");
    assertThat(a.evidence())
        .contains(
            "Risk reasons in risky requests: prompt_injection 2, pii_in_prompt 1,"
                + " secret_in_response 1.");
    assertThat(a.recommendedFixes())
        .containsExactly(
            "Add a guardrail content rule for prompt injection with the block action.",
            "Turn on prompt masking or a PII guardrail with the redact action.",
            "Rotate the exposed secrets and add a secrets guardrail with the redact action.",
            "Review the related requests on the LLM requests page, then resolve the incident.");
  }

  @Test
  void costNamesTheModelWithMostTokens() {
    List<LlmRequest> rs =
        List.of(tokens("r1", "small", 100, 50, 1), tokens("r2", "big", 1000, 500, 2));
    RootCause a =
        BuiltinRootCause.analyze(incident(TriggerType.COST_SPIKE, "cost", 1, List.of()), rs);
    // 1,500 of 1,650 tokens = 90.9 %
    assertThat(a.likelyCause())
        .isEqualTo("big used 91 % of the 1650 tokens of the related requests.");
    assertThat(a.evidence()).contains("Tokens: 1650 in all; big 1500, small 150.");
    assertThat(a.recommendedFixes().get(0))
        .isEqualTo(
            "Compare cheaper models for big (GET /api/optimize/recommendations) and set a cost"
                + " budget for the agent.");
  }

  @Test
  void anAnomalyTakesTheStrongestSignalCoveringAFifthOfTheRequests() {
    List<LlmRequest> five =
        List.of(
            failed("r1", "m", 100, 1),
            risky("r2", 80, 2, "jailbreak"),
            risky("r3", 80, 3, "jailbreak"),
            ok("r4", "m", 100, 4),
            ok("r5", "m", 100, 5));
    RootCause a =
        BuiltinRootCause.analyze(incident(TriggerType.ANOMALY, "anomaly", 1, List.of()), five);
    assertThat(a.likelyCause()).isEqualTo("2 of 2 risky requests were flagged for jailbreak.");
    List<LlmRequest> ten = new ArrayList<>();
    ten.add(failed("f", "m", 100, 0));
    for (int i = 1; i < 10; i++) {
      ten.add(ok("r" + i, "m", 100, i));
    }
    // one failure in ten is under a fifth: nothing explains the anomaly
    RootCause b =
        BuiltinRootCause.analyze(incident(TriggerType.DATADOG, "monitor", 1, List.of()), ten);
    assertThat(b.likelyCause())
        .startsWith("The related requests show no failure, slowness or risk shared by 20 %");
    ten.add(failed("g", "m", 100, 11));
    ten.add(failed("h", "m", 100, 12));
    // three in twelve is over a fifth
    assertThat(
            BuiltinRootCause.analyze(incident(TriggerType.DATADOG, "monitor", 1, List.of()), ten)
                .likelyCause())
        .isEqualTo("3 of 3 failed requests were m (finish reason error).");
  }

  @Test
  void withoutRequestsTheTriggerIsTheOnlyEvidence() {
    RootCause a =
        BuiltinRootCause.analyze(incident(TriggerType.ERRORS, "errors", 1, List.of()), List.of());
    assertThat(a.summary()).contains("0 related LLM requests analysed");
    assertThat(a.likelyCause())
        .isEqualTo(
            "No related LLM request was found, so the trigger's details are the only evidence.");
    assertThat(a.evidence()).containsExactly("Trigger details: {\"value\":3}");
    assertThat(a.recommendedFixes()).hasSize(1);
  }

  @Test
  void cutOffResponsesAndUnnamedModelsAreReported() {
    List<LlmRequest> rs =
        List.of(
            request("r1", null, LlmRequestStatus.SUCCESS, "length", 100L, null, 0, 0, 1),
            failed("r2", " ", 100, 2));
    RootCause a = BuiltinRootCause.analyze(incident(TriggerType.ERRORS, "e", 1, List.of()), rs);
    assertThat(a.likelyCause())
        .isEqualTo("1 of 1 failed requests were an unnamed model (finish reason error).");
    assertThat(a.recommendedFixes())
        .contains("Raise the maximum output tokens or shorten prompts: responses are cut off.");
  }

  @Test
  void theSameRequestsInAnyOrderGiveTheSameAnalysis() {
    List<LlmRequest> rs =
        new ArrayList<>(
            List.of(
                failed("r1", "a", 100, 1),
                failed("r2", "b", 300, 2),
                risky("r3", 90, 3, "toxic_prompt"),
                tokens("r4", "c", 10, 10, 4),
                ok("r5", "b", 2000, 5)));
    RootCause first =
        BuiltinRootCause.analyze(incident(TriggerType.ANOMALY, "x", 1, List.of()), rs);
    Collections.reverse(rs);
    assertThat(BuiltinRootCause.analyze(incident(TriggerType.ANOMALY, "x", 1, List.of()), rs))
        .isEqualTo(first);
    assertThat(first.recommendedFixes())
        .contains("Add a toxicity guardrail on the agent's inputs and outputs.");
  }
}
