package ai.agentlens.core.guardrail.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named compiled patterns, each with an optional check of the matched text (e.g. Luhn) and an
 * optional prefilter: a cheap condition every text the pattern can match meets (a string it must
 * contain, a number of digits), so a text without it skips the regex with the same (empty) result.
 */
final class PatternSet {

  private record Entry(Pattern pattern, int group, Predicate<String> check, Predicate<Scan> may) {}

  private final String family;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private String last;

  /**
   * Creates an empty set.
   *
   * @param family the detector's name, which keys its findings in a {@link Scan}
   */
  PatternSet(String family) {
    this.family = family;
  }

  PatternSet add(String name, String regex) {
    return add(name, regex, 0, s -> true);
  }

  PatternSet add(String name, String regex, int group, Predicate<String> check) {
    entries.put(name, new Entry(Pattern.compile(regex), group, check, s -> true));
    last = name;
    return this;
  }

  /** The last added pattern cannot match unless the text contains one of these strings. */
  PatternSet needs(String... anyOf) {
    List<String> n = List.of(anyOf);
    return prefilter(s -> s.contains(n));
  }

  /**
   * The last added pattern (ASCII case-insensitive) cannot match unless the text contains one of
   * these lower-case strings, ASCII letters compared without case.
   */
  PatternSet needsIgnoringCase(String... lowerAnyOf) {
    List<String> n = List.of(lowerAnyOf);
    return prefilter(s -> s.containsIgnoringAsciiCase(n));
  }

  /** The last added pattern cannot match unless the text has at least this many ASCII digits. */
  PatternSet needsDigits(int atLeast) {
    return prefilter(s -> s.digits() >= atLeast);
  }

  /** The last added pattern cannot match unless a {@code '.'} stands between two digits. */
  PatternSet needsDigitDotDigit() {
    return prefilter(Scan::hasDigitDotDigit);
  }

  private PatternSet prefilter(Predicate<Scan> may) {
    Entry e = entries.get(last);
    entries.put(last, new Entry(e.pattern(), e.group(), e.check(), may));
    return this;
  }

  List<String> names() {
    return List.copyOf(entries.keySet());
  }

  List<Span> find(CharSequence text, Collection<String> names) {
    return find(new Scan(text), names);
  }

  List<Span> find(Scan scan, Collection<String> names) {
    List<Span> out = new ArrayList<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (!names.contains(e.getKey())) {
        continue;
      }
      Entry en = e.getValue();
      out.addAll(
          scan.memo(
              family + "/" + e.getKey(),
              () -> en.may().test(scan) ? match(e.getKey(), en, scan.text()) : List.of()));
    }
    return out;
  }

  private static List<Span> match(String name, Entry en, CharSequence text) {
    List<Span> out = new ArrayList<>();
    Matcher m = en.pattern().matcher(text);
    while (m.find()) {
      int g = m.group(en.group()) == null ? 0 : en.group();
      if (en.check().test(m.group(g))) {
        out.add(new Span(name, m.start(g), m.end(g), 1.0));
      }
    }
    return out;
  }
}
