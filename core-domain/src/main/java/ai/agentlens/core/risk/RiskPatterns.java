package ai.agentlens.core.risk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The patterns the risk score adds to the guardrail detectors' (version {@code risk-v1}). */
final class RiskPatterns {

  private RiskPatterns() {}

  /** Jailbreak phrasings beyond the role-hijack heuristics, by name. */
  static final Map<String, Pattern> JAILBREAK = new LinkedHashMap<>();

  /** Hints in a completion that something will be executed, by name. */
  static final Map<String, Pattern> CODE_EXECUTION = new LinkedHashMap<>();

  /** A completion that refuses, which says the request asked for something it should not. */
  static final Pattern REFUSAL =
      Pattern.compile(
          "(?i)\\b(?:I\\s*(?:'m|am)\\s+sorry,?\\s+but\\s+I\\s+(?:can(?:'|no)t|won't)"
              + "|I\\s+(?:can(?:'|no)t|cannot|won't)\\s+(?:help|assist|comply|provide)"
              + "|I\\s*(?:'m|am)\\s+(?:not\\s+able|unable)\\s+to\\s+(?:help|assist|comply|provide))");

  static {
    JAILBREAK.put(
        "no_restrictions",
        p(
            "\\b(?:without|with\\s+no|free\\s+(?:of|from)|no)\\s+(?:any\\s+)?(?:ethical\\s+|moral\\s+)?"
                + "(?:restrictions|limitations|filters|censorship|guidelines|rules)\\b"));
    JAILBREAK.put(
        "unfiltered_persona",
        p(
            "\\b(?:unfiltered|uncensored|amoral|evil)\\s+(?:AI|assistant|chatbot|model|confidant)\\b"));
    JAILBREAK.put("stay_in_character", p("\\b(?:stay|remain)\\s+in\\s+character\\b"));
    JAILBREAK.put("opposite_mode", p("\\b(?:opposite|god|sudo|unrestricted)\\s+mode\\b"));
    JAILBREAK.put(
        "hypothetical_harm",
        p(
            "\\b(?:hypothetically|in\\s+a\\s+fictional\\s+world|for\\s+a\\s+novel)\\b.{0,80}"
                + "\\b(?:how\\s+to|step[- ]by[- ]step|instructions)\\b.{0,60}"
                + "\\b(?:weapon|bomb|explosive|malware|poison|hack|steal)"));
    CODE_EXECUTION.put(
        "pipe_to_shell", p("\\b(?:curl|wget)\\s+[^|\\n]{1,200}\\|\\s*(?:sudo\\s+)?(?:ba|z)?sh\\b"));
    CODE_EXECUTION.put("recursive_delete", p("\\brm\\s+-(?:rf|fr)\\s+(?:/|~|\\*)"));
    CODE_EXECUTION.put(
        "encoded_powershell",
        p(
            "\\bpowershell(?:\\.exe)?\\s+(?:-\\w+\\s+)*-e(?:nc|ncodedcommand)?\\s+[A-Za-z0-9+/=]{16,}"));
    CODE_EXECUTION.put(
        "dynamic_exec",
        p(
            "\\b(?:eval|exec)\\s*\\(\\s*(?:base64|atob|input|request|compile)|\\bos\\.system\\s*\\(|Runtime\\.getRuntime\\(\\)\\.exec"));
    CODE_EXECUTION.put("fork_bomb", p(":\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:"));
    CODE_EXECUTION.put(
        "reverse_shell",
        p(
            "\\b(?:nc|ncat|netcat)\\s+(?:-\\w+\\s+)*\\S+\\s+\\d+\\s+-e\\s+/bin/(?:ba)?sh|/dev/tcp/\\S+/\\d+"));
  }

  private static Pattern p(String regex) {
    return Pattern.compile("(?i)" + regex);
  }
}
