package ai.agentlens.core.guardrail.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Caller-supplied regular expressions ({@code content_regex}) with two guards against catastrophic
 * backtracking: {@link #problem} refuses long patterns, back-references and a quantified group that
 * holds a quantifier (the {@code (a+)+} shape); {@link #find} stops at a deadline, because the JDK
 * engine reads the input through {@link CharSequence#charAt}, which checks the time.
 */
public final class SafeRegex {

  /** Longest accepted pattern. */
  public static final int MAX_PATTERN = 500;

  /** Accepted flag letters (JavaScript's; {@code g} is implied, every match is reported). */
  public static final String FLAGS = "gimsu";

  private static final Pattern NESTED =
      Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}](?:[^()\\\\]|\\\\.)*\\)\\s*(?:[+*]|\\{\\d*,)");
  private static final Pattern BACKREF = Pattern.compile("\\\\[1-9]|\\\\k<");

  /** The deadline passed while matching. */
  public static final class TimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimedOut() {
      super("regex deadline passed", null, false, false);
    }
  }

  private SafeRegex() {}

  /**
   * Checks a pattern and its flags.
   *
   * @param pattern the pattern
   * @param flags flag letters from {@link #FLAGS}
   * @return what is wrong, or empty when it is safe to compile and run
   */
  public static Optional<String> problem(String pattern, String flags) {
    if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_PATTERN) {
      return Optional.of("pattern must be 1 to " + MAX_PATTERN + " characters");
    }
    for (char c : flags.toCharArray()) {
      if (FLAGS.indexOf(c) < 0) {
        return Optional.of("flags may only contain the letters " + FLAGS);
      }
    }
    if (NESTED.matcher(pattern).find()) {
      return Optional.of(
          "pattern has a quantified group containing a quantifier, which can backtrack"
              + " catastrophically");
    }
    if (BACKREF.matcher(pattern).find()) {
      return Optional.of("pattern may not use back-references");
    }
    try {
      compile(pattern, flags);
    } catch (PatternSyntaxException e) {
      return Optional.of("pattern does not compile: " + e.getDescription());
    }
    return Optional.empty();
  }

  /**
   * Compiles a checked pattern.
   *
   * @param pattern the pattern
   * @param flags flag letters
   * @return the compiled pattern
   */
  public static Pattern compile(String pattern, String flags) {
    int f = 0;
    if (flags.indexOf('i') >= 0) {
      f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    if (flags.indexOf('m') >= 0) {
      f |= Pattern.MULTILINE;
    }
    if (flags.indexOf('s') >= 0) {
      f |= Pattern.DOTALL;
    }
    if (flags.indexOf('u') >= 0) {
      f |= Pattern.UNICODE_CHARACTER_CLASS;
    }
    return Pattern.compile(pattern, f);
  }

  /**
   * Finds every non-empty match before a deadline.
   *
   * @param pattern the compiled pattern
   * @param text the content
   * @param name the name findings carry
   * @param deadlineNanos {@link System#nanoTime()} value after which matching stops
   * @return the matches
   * @throws TimedOut when the deadline passes
   */
  public static List<Span> find(Pattern pattern, String text, String name, long deadlineNanos) {
    Matcher m = pattern.matcher(new Deadline(text, deadlineNanos));
    List<Span> out = new ArrayList<>();
    while (m.find()) {
      if (m.end() > m.start()) {
        out.add(new Span(name, m.start(), m.end(), 1.0));
      }
    }
    return out;
  }

  private static final class Deadline implements CharSequence {
    private final String text;
    private final long deadline;
    private int reads;

    Deadline(String text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
        throw new TimedOut();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
