package ai.agentlens.core.guardrail.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One text being checked by several rules: each built-in pattern's findings are computed once and
 * shared by every rule that asks for them, and the cheap facts the patterns' prefilters need (an
 * ASCII-lower-cased copy, the digit count) are computed at most once. Not thread-safe: one per
 * evaluation.
 */
public final class Scan {

  private final CharSequence text;
  private final Map<String, List<Span>> found = new HashMap<>();
  private String asciiLower;
  private int digits = -1;

  /**
   * Starts a scan.
   *
   * @param text the content
   */
  public Scan(CharSequence text) {
    this.text = text;
  }

  /**
   * Returns the content.
   *
   * @return the text
   */
  public CharSequence text() {
    return text;
  }

  /**
   * Returns the findings of one built-in pattern, computing them on first use.
   *
   * @param key the pattern's unique key
   * @param find computes them
   * @return the findings
   */
  List<Span> memo(String key, Supplier<List<Span>> find) {
    List<Span> s = found.get(key);
    if (s == null) {
      s = List.copyOf(find.get());
      found.put(key, s);
    }
    return s;
  }

  /**
   * Tells whether the text contains one of the strings, ASCII letters compared without case (the
   * way {@code (?i)} without {@code UNICODE_CASE} compares).
   *
   * @param lowerNeedles lower-case strings
   * @return whether one occurs
   */
  boolean containsIgnoringAsciiCase(List<String> lowerNeedles) {
    if (asciiLower == null) {
      char[] c = new char[text.length()];
      for (int i = 0; i < c.length; i++) {
        char ch = text.charAt(i);
        c[i] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
      }
      asciiLower = new String(c);
    }
    return containsAny(asciiLower, lowerNeedles);
  }

  /**
   * Tells whether the text contains one of the strings exactly.
   *
   * @param needles the strings
   * @return whether one occurs
   */
  boolean contains(List<String> needles) {
    return containsAny(text.toString(), needles);
  }

  /**
   * Counts the ASCII digits of the text.
   *
   * @return how many
   */
  int digits() {
    if (digits < 0) {
      int n = 0;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch >= '0' && ch <= '9') {
          n++;
        }
      }
      digits = n;
    }
    return digits;
  }

  private static boolean containsAny(String s, List<String> needles) {
    for (String n : needles) {
      if (s.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
