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
  private Boolean foldsOntoAscii;
  private int dottedDigits = -1;
  private int base64Run = -1;

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
   * way {@code (?i)} without {@code UNICODE_CASE} compares): a pattern of that kind that needs one
   * of the strings cannot match a text without it.
   *
   * @param lowerNeedles lower-case strings
   * @return whether one occurs
   */
  public boolean containsIgnoringAsciiCase(List<String> lowerNeedles) {
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
   * Tells whether the text may contain one of the strings compared the way {@code (?iu)} compares
   * (Unicode case folding): exactly as {@link #containsIgnoringAsciiCase} unless the text holds one
   * of the four non-ASCII letters that fold onto an ASCII letter (U+0130 İ, U+0131 ı, U+017F ſ,
   * U+212A K), in which case it answers {@code true} and the caller's regex decides.
   *
   * @param lowerNeedles lower-case ASCII strings
   * @return whether a {@code (?iu)} pattern needing one of them could match
   */
  boolean mayContainIgnoringCase(List<String> lowerNeedles) {
    if (foldsOntoAscii == null) {
      boolean found = false;
      for (int i = 0; i < text.length() && !found; i++) {
        char ch = text.charAt(i);
        found = ch == '\u0130' || ch == '\u0131' || ch == '\u017F' || ch == '\u212A';
      }
      foldsOntoAscii = found;
    }
    return foldsOntoAscii || containsIgnoringAsciiCase(lowerNeedles);
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

  /**
   * Tells whether a {@code '.'} stands between two ASCII digits somewhere (an IPv4 address, a
   * version or a decimal number needs one).
   *
   * @return whether one does
   */
  boolean hasDigitDotDigit() {
    if (dottedDigits < 0) {
      dottedDigits = 0;
      for (int i = 1; i + 1 < text.length(); i++) {
        if (text.charAt(i) == '.' && digit(text.charAt(i - 1)) && digit(text.charAt(i + 1))) {
          dottedDigits = 1;
          break;
        }
      }
    }
    return dottedDigits == 1;
  }

  /**
   * Returns the length of the longest run of base64 characters ({@code A–Z a–z 0–9 + /}).
   *
   * @return the length, 0 when there is none
   */
  int longestBase64Run() {
    if (base64Run < 0) {
      int best = 0;
      int run = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean b64 =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || digit(c) || c == '+' || c == '/';
        run = b64 ? run + 1 : 0;
        best = Math.max(best, run);
      }
      base64Run = best;
    }
    return base64Run;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
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
