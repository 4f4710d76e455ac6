package ai.agentlens.core.transfer;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one configuration line's fields; every failure is an {@link InvalidInputException}
 * whose message starts with the line's kind and names the field.
 */
final class LineFields {

  private final String kind;
  private final JsonObject o;

  LineFields(String kind, JsonObject o) {
    this.kind = kind;
    this.o = o;
  }

  JsonObject object() {
    return o;
  }

  String text(String field) {
    if (!(o.get(field) instanceof String s) || s.isEmpty()) {
      throw invalid(field, "a non-empty string is required");
    }
    return s;
  }

  String optionalText(String field) {
    Object v = o.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw invalid(field, "must be a string or null");
    }
    return s;
  }

  double number(String field) {
    if (!(o.get(field) instanceof JsonNumber n)) {
      throw invalid(field, "a number is required");
    }
    return n.doubleValue();
  }

  Double optionalNumber(String field) {
    return o.get(field) == null ? null : number(field);
  }

  int integer(String field) {
    if (!(o.get(field) instanceof JsonNumber n)
        || !n.isIntegral()
        || n.longValue() != n.intValue()) {
      throw invalid(field, "a whole number is required");
    }
    return n.intValue();
  }

  boolean bool(String field) {
    if (!(o.get(field) instanceof Boolean b)) {
      throw invalid(field, "true or false is required");
    }
    return b;
  }

  List<String> strings(String field) {
    Object v = o.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw invalid(field, "an array of strings is required");
    }
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof String s)) {
        throw invalid(field, "an array of strings is required");
      }
      out.add(s);
    }
    return out;
  }

  Instant time(String field) {
    String raw = text(field);
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(field, "an RFC 3339 time is required, got '" + raw + "'");
    }
  }

  InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(kind + ": " + field + ": " + message);
  }

  InvalidInputException invalid(String message) {
    return new InvalidInputException(kind + ": " + message);
  }

  static String time(Instant t) {
    return HashChain.formatTimestamp(t);
  }

  static JsonNumber num(double v) {
    return JsonNumber.of(java.math.BigDecimal.valueOf(v));
  }

  static JsonNumber num(long v) {
    return JsonNumber.of(v);
  }
}
