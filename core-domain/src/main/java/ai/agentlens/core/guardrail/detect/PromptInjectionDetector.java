package ai.agentlens.core.guardrail.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt-injection heuristics: phrasings that try to override instructions, take over the model's
 * role, extract the system prompt, forge chat delimiters, or smuggle a long encoded payload. Each
 * heuristic has a weight; a finding is reported when its weight reaches the sensitivity's floor
 * (low 0.9, medium 0.6, high 0.3). Pure, thread-safe.
 */
public final class PromptInjectionDetector {

  /** The strategies, the default set. */
  public static final List<String> STRATEGIES =
      List.of(
          "instruction_override",
          "role_hijack",
          "system_prompt_extraction",
          "delimiter_injection",
          "encoded_payload");

  /** The sensitivities. */
  public static final List<String> SENSITIVITIES = List.of("low", "medium", "high");

  // why: (?i) without UNICODE_CASE folds ASCII letters only, so an ASCII-lower-cased copy of the
  // text holds a needle exactly when the pattern could match it
  private record Heuristic(
      Pattern pattern, double weight, List<String> needles, Predicate<Scan> may) {}

  private static final Map<String, List<Heuristic>> RULES = new LinkedHashMap<>();

  /**
   * A heuristic that cannot match unless the text contains (ASCII letters without case) one of the
   * needles; none: no prefilter.
   */
  private static Heuristic h(String regex, double weight, String... needles) {
    return new Heuristic(Pattern.compile("(?im)" + regex), weight, List.of(needles), s -> true);
  }

  static {
    RULES.put(
        "instruction_override",
        List.of(
            h(
                "\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+)?"
                    + "(?:previous|prior|above|earlier|preceding|system)\\s+(?:instructions|prompts?|rules|directions|context)",
                0.95,
                "ignore",
                "disregard",
                "forget",
                "override"),
            h("\\bnew\\s+instructions\\s*:", 0.7, "instructions"),
            h(
                "\\bdo\\s+not\\s+follow\\s+(?:your|the)\\s+(?:rules|instructions|guidelines)",
                0.85,
                "follow")));
    RULES.put(
        "role_hijack",
        List.of(
            h("\\byou\\s+are\\s+now\\s+(?:a|an|in|the|my|DAN)\\b", 0.75, "now"),
            h(
                "\\b(?:DAN|do\\s+anything\\s+now)\\b.{0,40}\\bmode\\b|\\bdeveloper\\s+mode\\s+(?:enabled|on)",
                0.9,
                "mode"),
            h(
                "\\bpretend\\s+(?:that\\s+)?you\\s+(?:have\\s+no|are\\s+not\\s+bound|are\\s+free)",
                0.85,
                "pretend"),
            h("\\bjailbreak\\b", 0.6, "jailbreak")));
    RULES.put(
        "system_prompt_extraction",
        List.of(
            h(
                "\\b(?:reveal|print|show|repeat|output|tell\\s+me)\\s+(?:me\\s+)?(?:your|the)\\s+"
                    + "(?:system\\s+prompt|hidden\\s+instructions|initial\\s+instructions|original\\s+prompt)",
                0.9,
                "prompt",
                "instructions"),
            h(
                "\\bwhat\\s+(?:is|are)\\s+your\\s+(?:system\\s+prompt|hidden\\s+instructions)",
                0.7,
                "your")));
    RULES.put(
        "delimiter_injection",
        List.of(
            h(
                "<\\|im_start\\|>|<\\|im_end\\|>|<\\|system\\|>|\\[/?INST\\]|<</?SYS>>",
                0.9,
                "<|",
                "inst]",
                "<<"),
            h("</?system>|^\\s*#{2,}\\s*system\\s*:", 0.7, "system")));
    Heuristic b64 = h("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{120,}={0,2}", 0.4);
    RULES.put(
        "encoded_payload",
        List.of(
            new Heuristic(
                b64.pattern(), b64.weight(), List.of(), s -> s.longestBase64Run() >= 120)));
  }

  private PromptInjectionDetector() {}

  /**
   * The weight a finding needs at a sensitivity.
   *
   * @param sensitivity low, medium or high
   * @return the floor
   */
  public static double floor(String sensitivity) {
    return switch (sensitivity) {
      case "low" -> 0.9;
      case "high" -> 0.3;
      default -> 0.6;
    };
  }

  /**
   * Finds injection attempts.
   *
   * @param text the content
   * @param strategies which heuristics (subset of {@link #STRATEGIES})
   * @param sensitivity low, medium or high
   * @return the findings, pattern name = strategy, score = the heuristic's weight
   */
  public static List<Span> find(
      CharSequence text, Collection<String> strategies, String sensitivity) {
    return find(new Scan(text), strategies, sensitivity);
  }

  /**
   * Finds injection attempts, sharing each heuristic's matches with the other rules of the scan.
   *
   * @param scan the content being checked
   * @param strategies which heuristics (subset of {@link #STRATEGIES})
   * @param sensitivity low, medium or high
   * @return the findings, as {@link #find(CharSequence, Collection, String)} gives them
   */
  public static List<Span> find(Scan scan, Collection<String> strategies, String sensitivity) {
    double floor = floor(sensitivity);
    List<Span> out = new ArrayList<>();
    for (Map.Entry<String, List<Heuristic>> e : RULES.entrySet()) {
      if (!strategies.contains(e.getKey())) {
        continue;
      }
      List<Heuristic> hs = e.getValue();
      for (int i = 0; i < hs.size(); i++) {
        Heuristic h = hs.get(i);
        if (h.weight() < floor) {
          continue;
        }
        out.addAll(
            scan.memo("injection/" + e.getKey() + "/" + i, () -> match(scan, e.getKey(), h)));
      }
    }
    return out;
  }

  private static List<Span> match(Scan scan, String strategy, Heuristic h) {
    List<Span> out = new ArrayList<>();
    if ((!h.needles().isEmpty() && !scan.containsIgnoringAsciiCase(h.needles()))
        || !h.may().test(scan)) {
      return out;
    }
    Matcher m = h.pattern().matcher(scan.text());
    while (m.find()) {
      out.add(new Span(strategy, m.start(), m.end(), h.weight()));
    }
    return out;
  }
}
