package ai.agentlens.core.risk;

import ai.agentlens.core.guardrail.detect.PiiDetector;
import ai.agentlens.core.guardrail.detect.PromptInjectionDetector;
import ai.agentlens.core.guardrail.detect.Scan;
import ai.agentlens.core.guardrail.detect.SecretsDetector;
import ai.agentlens.core.guardrail.detect.Span;
import ai.agentlens.core.guardrail.detect.ToxicityDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The risk score of an LLM request, 0–100 (seed 003 R3): a pure, versioned and explainable
 * function. Each finding carries a weight in (0, 1] and the score is {@code 100 × (1 − Π(1 −
 * weight))}, so findings add up without ever passing 100 and one strong finding is enough. The
 * detectors are the guardrails' (prompt injection, PII, secrets, toxicity) plus jailbreak
 * phrasings, execution hints in the completion, refusals, finish reasons and unusual lengths. A
 * score of {@link #HIGH} or more is high risk. Thread-safe.
 */
public final class RiskScorer {

  /** The version every assessment names; change it whenever a weight or pattern changes. */
  public static final String VERSION = "risk-v1";

  /** The score from which a request counts as high risk. */
  public static final int HIGH = 50;

  static final int LONG_PROMPT_CHARS = 50_000;
  static final int LONG_PROMPT_TOKENS = 32_000;
  static final int LONG_RESPONSE_CHARS = 20_000;
  static final int LONG_RESPONSE_TOKENS = 8_000;

  private static final List<String> INJECTION =
      List.of(
          "instruction_override",
          "system_prompt_extraction",
          "delimiter_injection",
          "encoded_payload");

  /**
   * Scores one request.
   *
   * @param x the request
   * @return the score, this version and the reasons, heaviest first
   */
  public RiskAssessment assess(LlmExchange x) {
    List<RiskReason> reasons = new ArrayList<>();
    Scan prompt = new Scan(x.prompt());
    Scan response = new Scan(x.response());
    injection(prompt, reasons);
    jailbreak(prompt, reasons);
    names(reasons, "pii_in_prompt", PiiDetector.find(prompt, PiiDetector.NAMES), 0.55);
    names(reasons, "secret_in_prompt", SecretsDetector.find(prompt, SecretsDetector.NAMES), 0.7);
    toxicity(reasons, "toxic_prompt", prompt);
    names(reasons, "pii_in_response", PiiDetector.find(response, PiiDetector.NAMES), 0.6);
    names(
        reasons, "secret_in_response", SecretsDetector.find(response, SecretsDetector.NAMES), 0.9);
    toxicity(reasons, "toxic_response", response);
    patterns(reasons, "code_execution_hint", RiskPatterns.CODE_EXECUTION, response, 0.45);
    if (RiskPatterns.REFUSAL.find(response)) {
      reasons.add(new RiskReason("refusal", 0.25, "the completion refuses"));
    }
    outcome(x, reasons);
    reasons.sort(Comparator.comparingDouble(RiskReason::weight).reversed());
    return new RiskAssessment(score(reasons), VERSION, reasons);
  }

  static int score(List<RiskReason> reasons) {
    double keep = 1;
    for (RiskReason r : reasons) {
      keep *= 1 - r.weight();
    }
    return (int) Math.round(100 * (1 - keep));
  }

  private static void injection(Scan prompt, List<RiskReason> reasons) {
    List<Span> found = PromptInjectionDetector.find(prompt, INJECTION, "high");
    double top = found.stream().mapToDouble(Span::score).max().orElse(0);
    if (top > 0) {
      reasons.add(new RiskReason("prompt_injection", 0.9 * top, distinct(found)));
    }
  }

  private static void jailbreak(Scan prompt, List<RiskReason> reasons) {
    List<Span> hijack = PromptInjectionDetector.find(prompt, List.of("role_hijack"), "high");
    double top = hijack.stream().mapToDouble(Span::score).max().orElse(0);
    Set<String> named = new TreeSet<>();
    for (Map.Entry<String, RiskPatterns.Rule> e : RiskPatterns.JAILBREAK.entrySet()) {
      if (e.getValue().find(prompt)) {
        named.add(e.getKey());
        top = Math.max(top, 0.7);
      }
    }
    if (!hijack.isEmpty()) {
      named.add("role_hijack");
    }
    if (top > 0) {
      double weight = Math.min(0.95, top + 0.1 * (named.size() - 1));
      reasons.add(new RiskReason("jailbreak", weight, String.join(", ", named)));
    }
  }

  private static void names(List<RiskReason> reasons, String code, List<Span> found, double base) {
    if (!found.isEmpty()) {
      long kinds = found.stream().map(Span::patternName).distinct().count();
      double weight = Math.min(0.95, base + 0.05 * (kinds - 1));
      reasons.add(new RiskReason(code, weight, distinct(found)));
    }
  }

  private static void toxicity(List<RiskReason> reasons, String code, Scan text) {
    List<Span> found = ToxicityDetector.find(text, ToxicityDetector.CATEGORIES, 0.5);
    double top = found.stream().mapToDouble(Span::score).max().orElse(0);
    if (top > 0) {
      reasons.add(new RiskReason(code, Math.min(0.8, 0.8 * top), distinct(found)));
    }
  }

  private static void patterns(
      List<RiskReason> reasons,
      String code,
      Map<String, RiskPatterns.Rule> set,
      Scan text,
      double w) {
    Set<String> named = new TreeSet<>();
    set.forEach(
        (name, rule) -> {
          if (rule.find(text)) {
            named.add(name);
          }
        });
    if (!named.isEmpty()) {
      reasons.add(new RiskReason(code, w, String.join(", ", named)));
    }
  }

  private static void outcome(LlmExchange x, List<RiskReason> reasons) {
    String finish = x.finishReason() == null ? "" : x.finishReason().toLowerCase();
    if (finish.equals("content_filter")) {
      reasons.add(new RiskReason("content_filtered", 0.6, "finish reason content_filter"));
    } else if (x.failed() || finish.equals("error")) {
      reasons.add(new RiskReason("failed", 0.2, "the call ended in an error"));
    } else if (finish.equals("length")) {
      reasons.add(new RiskReason("truncated", 0.1, "finish reason length"));
    }
    if (x.prompt().length() > LONG_PROMPT_CHARS
        || (x.promptTokens() != null && x.promptTokens() > LONG_PROMPT_TOKENS)) {
      reasons.add(
          new RiskReason(
              "unusual_prompt_length", 0.2, "prompt over 50,000 characters or 32,000 tokens"));
    }
    if (x.response().length() > LONG_RESPONSE_CHARS
        || (x.completionTokens() != null && x.completionTokens() > LONG_RESPONSE_TOKENS)) {
      reasons.add(
          new RiskReason(
              "unusual_response_length",
              0.15,
              "completion over 20,000 characters or 8,000 tokens"));
    }
  }

  private static String distinct(List<Span> found) {
    return String.join(", ", new TreeSet<>(found.stream().map(Span::patternName).toList()));
  }
}
