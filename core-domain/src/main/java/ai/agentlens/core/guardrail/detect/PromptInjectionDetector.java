package ai.agentlens.core.guardrail.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private record Heuristic(Pattern pattern, double weight) {}

  private static final Map<String, List<Heuristic>> RULES = new LinkedHashMap<>();

  private static Heuristic h(String regex, double weight) {
    return new Heuristic(Pattern.compile("(?im)" + regex), weight);
  }

  static {
    RULES.put(
        "instruction_override",
        List.of(
            h(
                "\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+)?"
                    + "(?:previous|prior|above|earlier|preceding|system)\\s+(?:instructions|prompts?|rules|directions|context)",
                0.95),
            h("\\bnew\\s+instructions\\s*:", 0.7),
            h(
                "\\bdo\\s+not\\s+follow\\s+(?:your|the)\\s+(?:rules|instructions|guidelines)",
                0.85)));
    RULES.put(
        "role_hijack",
        List.of(
            h("\\byou\\s+are\\s+now\\s+(?:a|an|in|the|my|DAN)\\b", 0.75),
            h(
                "\\b(?:DAN|do\\s+anything\\s+now)\\b.{0,40}\\bmode\\b|\\bdeveloper\\s+mode\\s+(?:enabled|on)",
                0.9),
            h(
                "\\bpretend\\s+(?:that\\s+)?you\\s+(?:have\\s+no|are\\s+not\\s+bound|are\\s+free)",
                0.85),
            h("\\bjailbreak\\b", 0.6)));
    RULES.put(
        "system_prompt_extraction",
        List.of(
            h(
                "\\b(?:reveal|print|show|repeat|output|tell\\s+me)\\s+(?:me\\s+)?(?:your|the)\\s+"
                    + "(?:system\\s+prompt|hidden\\s+instructions|initial\\s+instructions|original\\s+prompt)",
                0.9),
            h(
                "\\bwhat\\s+(?:is|are)\\s+your\\s+(?:system\\s+prompt|hidden\\s+instructions)",
                0.7)));
    RULES.put(
        "delimiter_injection",
        List.of(
            h("<\\|im_start\\|>|<\\|im_end\\|>|<\\|system\\|>|\\[/?INST\\]|<</?SYS>>", 0.9),
            h("</?system>|^\\s*#{2,}\\s*system\\s*:", 0.7)));
    RULES.put("encoded_payload", List.of(h("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{120,}={0,2}", 0.4)));
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
    double floor = floor(sensitivity);
    List<Span> out = new ArrayList<>();
    for (Map.Entry<String, List<Heuristic>> e : RULES.entrySet()) {
      if (!strategies.contains(e.getKey())) {
        continue;
      }
      for (Heuristic h : e.getValue()) {
        if (h.weight() < floor) {
          continue;
        }
        Matcher m = h.pattern().matcher(text);
        while (m.find()) {
          out.add(new Span(e.getKey(), m.start(), m.end(), h.weight()));
        }
      }
    }
    return out;
  }
}
