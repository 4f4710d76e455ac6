package ai.agentlens.core.guardrail;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed, range-checked values out of one JSON object, collecting every problem under a path
 * prefix and building the normalized object (defaults filled in). {@code null} counts as absent.
 */
final class ConfigReader {

  private final JsonObject in;
  private final String prefix;
  private final List<FieldError> errors;
  private final Map<String, Object> out = new LinkedHashMap<>();

  ConfigReader(JsonObject in, String prefix, List<FieldError> errors) {
    this.in = in == null ? JsonObject.EMPTY : in;
    this.prefix = prefix;
    this.errors = errors;
  }

  Object raw(String key) {
    return in.get(key);
  }

  boolean has(String key) {
    return in.get(key) != null;
  }

  void fail(String key, String message) {
    errors.add(new FieldError(prefix.isEmpty() ? key : prefix + "." + key, message));
  }

  /** A number in [min, max], or the default when absent; stored in the output. */
  double number(String key, double def, double min, double max) {
    Object v = in.get(key);
    if (v == null) {
      out.put(key, num(def));
      return def;
    }
    if (!(v instanceof JsonNumber n) || n.doubleValue() < min || n.doubleValue() > max) {
      fail(key, "must be a number from " + fmt(min) + " to " + fmt(max));
      return def;
    }
    out.put(key, n);
    return n.doubleValue();
  }

  /** A required number (any finite value). */
  Double requiredNumber(String key) {
    Object v = in.get(key);
    if (!(v instanceof JsonNumber n)) {
      fail(key, v == null ? "is required (a number)" : "must be a number");
      return null;
    }
    out.put(key, n);
    return n.doubleValue();
  }

  /** A whole number in [min, max], or the default when absent. */
  int integer(String key, int def, int min, int max) {
    Object v = in.get(key);
    if (v == null) {
      out.put(key, JsonNumber.of(def));
      return def;
    }
    if (!(v instanceof JsonNumber n)
        || !n.isIntegral()
        || n.doubleValue() < min
        || n.doubleValue() > max) {
      fail(key, "must be a whole number from " + min + " to " + max);
      return def;
    }
    out.put(key, JsonNumber.of(n.longValue()));
    return n.intValue();
  }

  /** A required whole number in [min, max]. */
  Integer requiredInteger(String key, int min, int max) {
    if (in.get(key) == null) {
      fail(key, "is required: a whole number from " + min + " to " + max);
      return null;
    }
    int before = errors.size();
    int v = integer(key, min, min, max);
    return errors.size() == before ? v : null;
  }

  /** One of the allowed texts, or the default when absent. */
  String oneOf(String key, String def, List<String> allowed) {
    Object v = in.get(key);
    if (v == null) {
      if (def != null) {
        out.put(key, def);
      }
      return def;
    }
    if (!(v instanceof String s) || !allowed.contains(s)) {
      fail(key, "must be one of " + String.join(", ", allowed));
      return def;
    }
    out.put(key, s);
    return s;
  }

  /** A text of 1..max characters; required or absent-allowed. */
  String text(String key, int max, boolean required) {
    Object v = in.get(key);
    if (v == null) {
      if (required) {
        fail(key, "is required (1 to " + max + " characters)");
      }
      return null;
    }
    if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
      fail(key, "must be text of 1 to " + max + " characters");
      return null;
    }
    out.put(key, s);
    return s;
  }

  /** A list drawn from the allowed texts; absent gives the default (all). */
  List<String> subset(String key, List<String> allowed) {
    Object v = in.get(key);
    if (v == null) {
      out.put(key, JsonArray.of(allowed));
      return allowed;
    }
    if (!(v instanceof JsonArray a) || a.isEmpty()) {
      fail(key, "must be a non-empty array of " + String.join(", ", allowed));
      return allowed;
    }
    List<String> picked = new ArrayList<>();
    for (Object o : a) {
      if (!(o instanceof String s) || !allowed.contains(s)) {
        fail(key, "must only contain " + String.join(", ", allowed));
        return allowed;
      }
      if (!picked.contains(s)) {
        picked.add(s);
      }
    }
    out.put(key, JsonArray.of(picked));
    return picked;
  }

  /** An object of text values (e.g. headers); absent is allowed. */
  Map<String, String> textMap(String key, int maxEntries, int maxLength) {
    Object v = in.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof JsonObject o) || o.size() > maxEntries) {
      fail(key, "must be an object of at most " + maxEntries + " text values");
      return Map.of();
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : o.entrySet()) {
      if (!(e.getValue() instanceof String s) || s.length() > maxLength || e.getKey().isBlank()) {
        fail(key + "." + e.getKey(), "must be text of at most " + maxLength + " characters");
        return Map.of();
      }
      m.put(e.getKey(), s);
    }
    out.put(key, JsonObject.of(m));
    return m;
  }

  JsonObject result() {
    return JsonObject.of(out);
  }

  static JsonNumber num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? JsonNumber.of((long) d)
        : JsonNumber.of(BigDecimal.valueOf(d));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
