package ai.agentlens.core.guardrail.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code local_wordlist} toxicity backend: whole-word, case-insensitive phrases, each with a
 * weight. A category scores {@code 1 − Π(1 − w)} over its distinct phrases found; every phrase of a
 * category whose score reaches the threshold is reported with that score. Pure, thread-safe.
 */
public final class ToxicityDetector {

  /** The categories, the default set. */
  public static final List<String> CATEGORIES =
      List.of("profanity", "insult", "threat", "harassment");

  private static final Map<String, Map<String, Double>> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put(
        "profanity",
        Map.of(
            "damn",
            0.3,
            "crap",
            0.4,
            "shit",
            0.8,
            "fuck",
            0.9,
            "fucking",
            0.9,
            "bastard",
            0.8,
            "asshole",
            0.9,
            "bullshit",
            0.8));
    WORDS.put(
        "insult",
        Map.of(
            "idiot",
            0.75,
            "moron",
            0.8,
            "stupid",
            0.5,
            "dumb",
            0.5,
            "loser",
            0.5,
            "worthless",
            0.6,
            "pathetic",
            0.5,
            "imbecile",
            0.8,
            "incompetent fool",
            0.8));
    WORDS.put(
        "threat",
        Map.of(
            "kill you",
            0.95,
            "hurt you",
            0.85,
            "i will find you",
            0.8,
            "destroy you",
            0.75,
            "you will regret",
            0.6,
            "watch your back",
            0.7));
    WORDS.put(
        "harassment",
        Map.of("shut up", 0.5, "nobody likes you", 0.75, "go away", 0.3, "you disgust me", 0.8));
  }

  private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

  static {
    WORDS.forEach(
        (cat, words) ->
            PATTERNS.put(
                cat,
                Pattern.compile(
                    "(?<![\\p{L}\\p{N}])(?:"
                        + String.join(
                            "|",
                            words.keySet().stream()
                                .sorted((a, b) -> b.length() - a.length())
                                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                                .toList())
                        + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
  }

  /**
   * Per category, the longest word of each phrase, lower case: a text matches the category's
   * pattern only if it contains one of them (up to case), so a text without any skips the regex.
   */
  private static final Map<String, List<String>> NEEDLES = new LinkedHashMap<>();

  static {
    WORDS.forEach(
        (cat, words) ->
            NEEDLES.put(
                cat,
                words.keySet().stream()
                    .map(
                        w ->
                            java.util.Arrays.stream(w.split(" "))
                                .max(java.util.Comparator.comparingInt(String::length))
                                .orElseThrow())
                    .distinct()
                    .toList()));
  }

  private ToxicityDetector() {}

  /**
   * Finds toxic phrases.
   *
   * @param text the content
   * @param categories which categories (subset of {@link #CATEGORIES})
   * @param threshold the score 0..1 a category must reach
   * @return the findings, pattern name = category
   */
  public static List<Span> find(
      CharSequence text, Collection<String> categories, double threshold) {
    return find(new Scan(text), categories, threshold);
  }

  /**
   * Finds toxic phrases, sharing each category's matches with the other rules of the scan.
   *
   * @param scan the content being checked
   * @param categories which categories (subset of {@link #CATEGORIES})
   * @param threshold the score 0..1 a category must reach
   * @return the findings, as {@link #find(CharSequence, Collection, double)} gives them
   */
  public static List<Span> find(Scan scan, Collection<String> categories, double threshold) {
    List<Span> out = new ArrayList<>();
    for (String cat : CATEGORIES) {
      if (!categories.contains(cat)) {
        continue;
      }
      Map<String, Double> words = WORDS.get(cat);
      // why: the memo holds the raw matches with the normalised phrase as pattern name
      List<Span> raw =
          scan.memo(
              "toxicity/" + cat,
              () ->
                  scan.mayContainIgnoringCase(NEEDLES.get(cat))
                      ? matches(scan.text(), cat)
                      : List.of());
      Map<String, Double> seen = new LinkedHashMap<>();
      for (Span r : raw) {
        seen.put(r.patternName(), words.get(r.patternName()));
      }
      double keep = 1.0;
      for (double w : seen.values()) {
        keep *= 1.0 - w;
      }
      double score = Math.round((1.0 - keep) * 1000) / 1000.0;
      if (!seen.isEmpty() && score >= threshold) {
        for (Span r : raw) {
          out.add(new Span(cat, r.start(), r.end(), score));
        }
      }
    }
    return out;
  }

  private static List<Span> matches(CharSequence text, String cat) {
    List<Span> raw = new ArrayList<>();
    Matcher m = PATTERNS.get(cat).matcher(text);
    while (m.find()) {
      String phrase = fold(m.group());
      raw.add(new Span(phrase, m.start(), m.end(), 0));
    }
    return raw;
  }

  // why: UNICODE_CASE also matches the letters that fold onto ASCII ones (U+017F long s for 's',
  // U+212A Kelvin sign for 'k', dotted/dotless i), which String.toLowerCase leaves as they are;
  // the phrase must come back as its word-list key
  private static String fold(String matched) {
    StringBuilder out = new StringBuilder(matched.length());
    boolean space = false;
    for (int i = 0; i < matched.length(); i++) {
      char c = matched.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(Character.toLowerCase(Character.toUpperCase(c)));
    }
    return out.toString();
  }
}
