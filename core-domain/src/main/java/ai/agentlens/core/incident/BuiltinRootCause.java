package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.llm.LlmRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic root-cause analysis used when no language model is configured (and the feature
 * works offline): it counts the related requests' failures by model and finish reason, slow
 * requests by model, risky requests by reason and tokens by model ({@link RequestFacts}), and picks
 * the likely cause from the signal the incident's trigger names. For an anomaly or a Datadog
 * monitor, the strongest signal covering at least {@value #SHARE} of the requests is taken. A pure
 * function: the same incident and requests always give the same analysis.
 */
public final class BuiltinRootCause {

  /** The share of requests a signal must cover to explain an anomaly or a monitor alert. */
  static final double SHARE = 0.2;

  private BuiltinRootCause() {}

  /**
   * Analyses an incident.
   *
   * @param incident the incident
   * @param requests its related LLM requests, newest first (masked as stored)
   * @return the analysis
   */
  public static RootCause analyze(Incident incident, List<LlmRequest> requests) {
    RequestFacts f = new RequestFacts(requests);
    String summary =
        incident.title()
            + ": "
            + f.total
            + " related LLM request"
            + (f.total == 1 ? "" : "s")
            + " analysed, "
            + f.failed
            + " failed, "
            + f.slow
            + " slow, "
            + f.risky
            + " risky ("
            + incident.triggerType().wireName()
            + " trigger, seen "
            + incident.triggerCount()
            + (incident.triggerCount() == 1 ? " time)." : " times).");
    List<String> evidence = new ArrayList<>();
    evidence.add("Trigger details: " + incident.details());
    if (f.total > 0) {
      evidence.add("Models: " + RequestFacts.list(f.models, 5, " requests") + ".");
    }
    if (!f.failures.isEmpty()) {
      evidence.add("Failures: " + RequestFacts.list(f.failures, 3, "") + ".");
    }
    if (f.maxLatencyMs > 0) {
      evidence.add(
          "Latency: median "
              + f.medianLatencyMs
              + " ms, slowest "
              + f.maxLatencyMs
              + " ms"
              + (f.slowModels.isEmpty()
                  ? "."
                  : "; over twice the median: " + RequestFacts.list(f.slowModels, 3, "") + "."));
    }
    if (!f.riskReasons.isEmpty()) {
      evidence.add(
          "Risk reasons in risky requests: " + RequestFacts.list(f.riskReasons, 4, "") + ".");
    }
    if (f.tokens > 0) {
      evidence.add(
          "Tokens: " + f.tokens + " in all; " + RequestFacts.list(f.tokensByModel, 3, "") + ".");
    }
    Signal signal = signal(incident.triggerType(), f);
    return new RootCause(summary, cause(signal, f), evidence, fixes(signal, f));
  }

  private enum Signal {
    NONE,
    ERRORS,
    LATENCY,
    RISK,
    COST,
    NOTHING_UNUSUAL
  }

  private static Signal signal(TriggerType type, RequestFacts f) {
    if (f.total == 0) {
      return Signal.NONE;
    }
    return switch (type) {
      case ERRORS -> Signal.ERRORS;
      case LATENCY -> Signal.LATENCY;
      case RISK -> Signal.RISK;
      case COST_SPIKE -> Signal.COST;
      case ANOMALY, DATADOG -> strongest(f);
    };
  }

  private static Signal strongest(RequestFacts f) {
    Signal best = Signal.NOTHING_UNUSUAL;
    int most = (int) Math.ceil(SHARE * f.total) - 1;
    for (Map.Entry<Signal, Integer> e :
        List.of(
            Map.entry(Signal.ERRORS, f.failed),
            Map.entry(Signal.RISK, f.risky),
            Map.entry(Signal.LATENCY, f.slow))) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  private static String cause(Signal s, RequestFacts f) {
    return switch (s) {
      case NONE ->
          "No related LLM request was found, so the trigger's details are the only evidence.";
      case ERRORS ->
          f.failures.isEmpty()
              ? "None of the related LLM requests failed; the errors come from requests not paired in the LLM request log."
              : top(f.failures)
                  + " of "
                  + f.failed
                  + " failed requests were "
                  + f.failures.get(0).getKey()
                  + ".";
      case LATENCY ->
          f.slowModels.isEmpty()
              ? "No related request was over twice the median latency ("
                  + f.medianLatencyMs
                  + " ms): latency rose across the board rather than in a few requests."
              : top(f.slowModels)
                  + " of "
                  + f.slow
                  + " slow requests (over twice the median of "
                  + f.medianLatencyMs
                  + " ms) used "
                  + f.slowModels.get(0).getKey()
                  + ".";
      case RISK ->
          f.riskReasons.isEmpty()
              ? "No related request scored "
                  + RequestFacts.RISKY
                  + " or more; the risk came from requests not in the log."
              : top(f.riskReasons)
                  + " of "
                  + f.risky
                  + " risky requests were flagged for "
                  + f.riskReasons.get(0).getKey()
                  + ".";
      case COST ->
          f.tokens == 0
              ? "The related requests report no tokens; the cost comes from the events' cost fields."
              : f.tokensByModel.get(0).getKey()
                  + " used "
                  + percent(top(f.tokensByModel), f.tokens)
                  + " of the "
                  + f.tokens
                  + " tokens of the related requests.";
      case NOTHING_UNUSUAL ->
          "The related requests show no failure, slowness or risk shared by "
              + Math.round(SHARE * 100)
              + " % of them; the trigger's details are the best evidence.";
    };
  }

  private static List<String> fixes(Signal s, RequestFacts f) {
    Set<String> out = new LinkedHashSet<>();
    String model = f.models.isEmpty() ? RequestFacts.UNKNOWN_MODEL : f.models.get(0).getKey();
    switch (s) {
      case ERRORS -> {
        String failing = f.failingModels.isEmpty() ? model : f.failingModels.get(0).getKey();
        out.add(
            "Check the provider's status and the API key used for "
                + failing
                + "; retry with backoff or fall back to another model.");
      }
      case LATENCY ->
          out.add(
              "Move latency-sensitive calls off "
                  + (f.slowModels.isEmpty() ? model : f.slowModels.get(0).getKey())
                  + " or set a client timeout, and check whether prompts have grown.");
      case COST ->
          out.add(
              "Compare cheaper models for "
                  + f.tokensByModel.get(0).getKey()
                  + " (GET /api/optimize/recommendations) and set a cost budget for the agent.");
      default -> {}
    }
    if (f.hasReason(
        "prompt_injection",
        "jailbreak",
        "instruction_override",
        "system_prompt_extraction",
        "delimiter_injection",
        "encoded_payload")) {
      out.add("Add a guardrail content rule for prompt injection with the block action.");
    }
    if (f.hasReason("pii_in_prompt", "pii_in_response")) {
      out.add("Turn on prompt masking or a PII guardrail with the redact action.");
    }
    if (f.hasReason("secret_in_prompt", "secret_in_response")) {
      out.add("Rotate the exposed secrets and add a secrets guardrail with the redact action.");
    }
    if (f.hasReason("toxic_prompt", "toxic_response")) {
      out.add("Add a toxicity guardrail on the agent's inputs and outputs.");
    }
    if (f.truncated > 0) {
      out.add("Raise the maximum output tokens or shorten prompts: responses are cut off.");
    }
    out.add("Review the related requests on the LLM requests page, then resolve the incident.");
    return List.copyOf(out);
  }

  private static int top(List<Map.Entry<String, Integer>> groups) {
    return groups.get(0).getValue();
  }

  private static String percent(long part, long whole) {
    return Math.round(100.0 * part / whole) + " %";
  }
}
