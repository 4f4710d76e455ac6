package ai.agentlens.core.memory.summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into lower-case terms: runs of letters and digits of at least 3 characters, without
 * common English stop words. Deterministic and locale-independent.
 */
public final class Terms {

  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "had",
          "her", "was", "one", "our", "out", "has", "him", "his", "how", "its", "may", "new", "now",
          "old", "see", "two", "who", "did", "get", "let", "say", "she", "too", "use", "that",
          "with", "have", "this", "will", "from", "they", "been", "were", "what", "when", "which",
          "their", "there", "then", "than", "them", "these", "those", "into", "about", "would",
          "could", "should", "please", "just", "some", "also", "more", "very", "here", "want",
          "need");

  private Terms() {}

  /**
   * Every term of a text, in order, duplicates kept.
   *
   * @param text the text, possibly {@code null}
   * @return the terms
   */
  public static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      int start = i;
      while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
        i++;
      }
      if (i - start >= 3) {
        String t = lower.substring(start, i);
        if (!STOP.contains(t)) {
          out.add(t);
        }
      }
      i = Math.max(i, start + 1);
    }
    return out;
  }

  /**
   * The distinct terms of a text, in first-seen order.
   *
   * @param text the text
   * @return the terms
   */
  public static List<String> distinct(String text) {
    return new ArrayList<>(new LinkedHashSet<>(of(text)));
  }
}
