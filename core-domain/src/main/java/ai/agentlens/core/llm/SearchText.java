package ai.agentlens.core.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The log search's query syntax: words (runs of letters and digits, case-insensitive) that must all
 * occur, and {@code "quoted phrases"} whose words must occur together in order. Every other
 * character separates words, so no input is a syntax error and nothing reaches the database's own
 * query language.
 */
public final class SearchText {

  /** Most phrases one query may hold. */
  public static final int MAX_PHRASES = 16;

  private SearchText() {}

  /**
   * Parses a query.
   *
   * @param q the text, or {@code null}
   * @return the phrases (a bare word is a phrase of one), at most {@link #MAX_PHRASES}
   */
  public static List<List<String>> parse(String q) {
    List<List<String>> out = new ArrayList<>();
    if (q == null) {
      return out;
    }
    String[] parts = q.split("\"", -1);
    for (int i = 0; i < parts.length && out.size() < MAX_PHRASES; i++) {
      List<String> words = words(parts[i]);
      if (i % 2 == 1 && i < parts.length - 1) {
        if (!words.isEmpty()) {
          out.add(words);
        }
      } else {
        for (String w : words) {
          if (out.size() < MAX_PHRASES) {
            out.add(List.of(w));
          }
        }
      }
    }
    return out;
  }

  /**
   * Splits a text into lower-case words.
   *
   * @param text the text
   * @return the words, in order
   */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
              } else if (w.length() > 0) {
                out.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
              }
            });
    if (w.length() > 0) {
      out.add(w.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
