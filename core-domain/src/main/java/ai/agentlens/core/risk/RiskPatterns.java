package ai.agentlens.core.risk;

import ai.agentlens.core.guardrail.detect.Scan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The patterns the risk score adds to the guardrail detectors' (version {@code risk-v1}). */
final class RiskPatterns {

  private RiskPatterns() {}

  /**
   * A pattern ({@code (?i)}: ASCII letters without case) and the lower-case strings one of which
   * every text it matches contains, so a text without any skips the regex with the same result.
   *
   * @param pattern the pattern
   * @param needles the strings; empty: no prefilter
   */
  record Rule(Pattern pattern, List<String> needles) {

    boolean find(Scan scan) {
      return (needles.isEmpty() || scan.containsIgnoringAsciiCase(needles))
          && pattern.matcher(scan.text()).find();
    }
  }

  /** Jailbreak phrasings beyond the role-hijack heuristics, by name. */
  static final Map<String, Rule> JAILBREAK = new LinkedHashMap<>();

  /** Hints in a completion that something will be executed, by name. */
  static final Map<String, Rule> CODE_EXECUTION = new LinkedHashMap<>();

  /** A completion that refuses, which says the request asked for something it should not. */
  static final Rule REFUSAL =
      p(
          "\\b(?:I\\s*(?:'m|am)\\s+sorry,?\\s+but\\s+I\\s+(?:can(?:'|no)t|won't)"
              + "|I\\s+(?:can(?:'|no)t|cannot|won't)\\s+(?:help|assist|comply|provide)"
              + "|I\\s*(?:'m|am)\\s+(?:not\\s+able|unable)\\s+to\\s+(?:help|assist|comply|provide))",
          "sorry",
          "can't",
          "cannot",
          "won't",
          "able");

  static {
    JAILBREAK.put(
        "no_restrictions",
        p(
            "\\b(?:without|with\\s+no|free\\s+(?:of|from)|no)\\s+(?:any\\s+)?(?:ethical\\s+|moral\\s+)?"
                + "(?:restrictions|limitations|filters|censorship|guidelines|rules)\\b",
            "restrictions",
            "limitations",
            "filters",
            "censorship",
            "guidelines",
            "rules"));
    JAILBREAK.put(
        "unfiltered_persona",
        p(
            "\\b(?:unfiltered|uncensored|amoral|evil)\\s+(?:AI|assistant|chatbot|model|confidant)\\b",
            "unfiltered",
            "uncensored",
            "amoral",
            "evil"));
    JAILBREAK.put("stay_in_character", p("\\b(?:stay|remain)\\s+in\\s+character\\b", "character"));
    JAILBREAK.put("opposite_mode", p("\\b(?:opposite|god|sudo|unrestricted)\\s+mode\\b", "mode"));
    JAILBREAK.put(
        "hypothetical_harm",
        p(
            "\\b(?:hypothetically|in\\s+a\\s+fictional\\s+world|for\\s+a\\s+novel)\\b.{0,80}"
                + "\\b(?:how\\s+to|step[- ]by[- ]step|instructions)\\b.{0,60}"
                + "\\b(?:weapon|bomb|explosive|malware|poison|hack|steal)",
            "hypothetically",
            "fictional",
            "novel"));
    CODE_EXECUTION.put(
        "pipe_to_shell",
        p("\\b(?:curl|wget)\\s+[^|\\n]{1,200}\\|\\s*(?:sudo\\s+)?(?:ba|z)?sh\\b", "curl", "wget"));
    CODE_EXECUTION.put("recursive_delete", p("\\brm\\s+-(?:rf|fr)\\s+(?:/|~|\\*)", "-rf", "-fr"));
    CODE_EXECUTION.put(
        "encoded_powershell",
        p(
            "\\bpowershell(?:\\.exe)?\\s+(?:-\\w+\\s+)*-e(?:nc|ncodedcommand)?\\s+[A-Za-z0-9+/=]{16,}",
            "powershell"));
    CODE_EXECUTION.put(
        "dynamic_exec",
        p(
            "\\b(?:eval|exec)\\s*\\(\\s*(?:base64|atob|input|request|compile)|\\bos\\.system\\s*\\(|Runtime\\.getRuntime\\(\\)\\.exec",
            "eval",
            "exec",
            "os.system"));
    CODE_EXECUTION.put(
        "fork_bomb", p(":\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:", ":("));
    CODE_EXECUTION.put(
        "reverse_shell",
        p(
            "\\b(?:nc|ncat|netcat)\\s+(?:-\\w+\\s+)*\\S+\\s+\\d+\\s+-e\\s+/bin/(?:ba)?sh|/dev/tcp/\\S+/\\d+",
            "/bin/",
            "/dev/tcp/"));
  }

  private static Rule p(String regex, String... needles) {
    return new Rule(Pattern.compile("(?i)" + regex), List.of(needles));
  }
}
