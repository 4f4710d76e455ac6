package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A span's attributes as the mapping rules read them: every attribute a rule takes is marked, and
 * {@link #rest} returns the others, so what no rule maps is kept (in the event's metadata) rather
 * than dropped. Where an attribute has a current and a deprecated name, the rules list the current
 * one first and only the attribute actually used is marked; an unused duplicate stays in the rest.
 */
final class SpanAttributes {

  private final JsonObject all;
  private final Set<String> used = new HashSet<>();

  SpanAttributes(JsonObject all) {
    this.all = all;
  }

  /** Returns the first of {@code names} present (not JSON null), marking it used; else null. */
  Object take(String... names) {
    for (String name : names) {
      Object value = all.get(name);
      if (value != null) {
        used.add(name);
        return value;
      }
    }
    return null;
  }

  /** Like {@link #take}, as text: strings as they are, numbers and booleans written out. */
  String text(String... names) {
    Object value = take(names);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNumber n) {
      return n.text();
    }
    return value instanceof String s ? s : String.valueOf(value);
  }

  /** Like {@link #take}, as a number; a numeric string counts, anything else does not. */
  JsonNumber number(String... names) {
    for (String name : names) {
      Object value = all.get(name);
      JsonNumber n = asNumber(value);
      if (n != null) {
        used.add(name);
        return n;
      }
    }
    return null;
  }

  /** Tells whether an attribute is present, without marking it. */
  boolean has(String name) {
    return all.get(name) != null;
  }

  /**
   * Takes every attribute {@code prefix + N + "." + rest} (flattened lists such as OpenInference's
   * {@code llm.input_messages.0.message.role}), grouped by N in ascending order.
   *
   * @param prefix e.g. {@code llm.input_messages.}
   * @return for each index, the values by the rest of their names
   */
  TreeMap<Integer, Map<String, Object>> indexed(String prefix) {
    TreeMap<Integer, Map<String, Object>> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : all.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(prefix) || e.getValue() == null) {
        continue;
      }
      int dot = key.indexOf('.', prefix.length());
      String index = dot < 0 ? key.substring(prefix.length()) : key.substring(prefix.length(), dot);
      if (index.isEmpty() || index.length() > 6 || !index.chars().allMatch(Character::isDigit)) {
        continue;
      }
      used.add(key);
      out.computeIfAbsent(Integer.parseInt(index), i -> new LinkedHashMap<>())
          .put(dot < 0 ? "" : key.substring(dot + 1), e.getValue());
    }
    return out;
  }

  /** Returns the attributes no rule took, in their original order. */
  JsonObject rest() {
    if (used.isEmpty()) {
      return all;
    }
    Map<String, Object> rest = new LinkedHashMap<>();
    all.forEach(
        (k, v) -> {
          if (!used.contains(k)) {
            rest.put(k, v);
          }
        });
    return JsonObject.of(rest);
  }

  static JsonNumber asNumber(Object value) {
    if (value instanceof JsonNumber n) {
      return n;
    }
    if (value instanceof String s && !s.isBlank() && s.length() < 40) {
      try {
        return JsonNumber.of(new BigDecimal(s.trim()));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }
}
