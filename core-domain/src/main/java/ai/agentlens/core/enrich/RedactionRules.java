package ai.agentlens.core.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An org's server-side redaction rules (PC-06), compiled. A rule {@code re:<regex>} is a Java
 * regular expression; any other rule is a keyword matched literally, ignoring case. Every match in
 * any string of a payload or metadata becomes {@link #MASK}.
 */
public final class RedactionRules {

  /** What a match is replaced with. */
  public static final String MASK = "[REDACTED]";

  /** No rules. */
  public static final RedactionRules NONE = new RedactionRules(List.of());

  private final List<Pattern> patterns;

  private RedactionRules(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /**
   * Compiles rules.
   *
   * @param rules as stored in the org settings
   * @return the compiled rules
   * @throws IllegalArgumentException naming the rule when a regex does not compile
   */
  public static RedactionRules compile(List<String> rules) {
    List<Pattern> patterns = new ArrayList<>();
    for (String rule : rules) {
      if (rule == null || rule.isBlank()) {
        continue;
      }
      if (rule.startsWith("re:")) {
        try {
          patterns.add(Pattern.compile(rule.substring(3)));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "redaction rule '"
                  + rule
                  + "' is not a valid regular expression: "
                  + e.getDescription());
        }
      } else {
        patterns.add(
            Pattern.compile(Pattern.quote(rule), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      }
    }
    return new RedactionRules(patterns);
  }

  /**
   * Tells whether there is anything to apply.
   *
   * @return {@code true} when there are no rules
   */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /**
   * Redacts one string.
   *
   * @param value the string
   * @return the string with every match replaced, the same instance when nothing matched
   */
  public String apply(String value) {
    String out = value;
    for (Pattern p : patterns) {
      out = p.matcher(out).replaceAll(MASK);
    }
    return out;
  }
}
