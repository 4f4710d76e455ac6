package ai.agentlens.core.guardrail.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Named compiled patterns, each with an optional check of the matched text (e.g. Luhn). */
final class PatternSet {

  private record Entry(Pattern pattern, int group, Predicate<String> check) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  PatternSet add(String name, String regex) {
    return add(name, regex, 0, s -> true);
  }

  PatternSet add(String name, String regex, int group, Predicate<String> check) {
    entries.put(name, new Entry(Pattern.compile(regex), group, check));
    return this;
  }

  List<String> names() {
    return List.copyOf(entries.keySet());
  }

  List<Span> find(CharSequence text, Collection<String> names) {
    List<Span> out = new ArrayList<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (!names.contains(e.getKey())) {
        continue;
      }
      Entry en = e.getValue();
      Matcher m = en.pattern().matcher(text);
      while (m.find()) {
        int g = m.group(en.group()) == null ? 0 : en.group();
        if (en.check().test(m.group(g))) {
          out.add(new Span(e.getKey(), m.start(g), m.end(g), 1.0));
        }
      }
    }
    return out;
  }
}
