package ai.agentlens.web.read;

import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import io.micronaut.http.HttpParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the query parameters of a read route the way the SDKs send them, collecting what is wrong
 * as {@link Problem}s named by the parameter, so one {@code 400} lists every bad value. Lists are
 * comma-separated or repeated ({@code eventType=a,b} or {@code eventType=a&eventType=b}); blank
 * values mean "not given". Not thread-safe: one instance per request.
 */
final class QueryParams {

  private final HttpParameters params;
  private final List<Problem> problems = new ArrayList<>();

  QueryParams(HttpParameters params) {
    this.params = params;
  }

  /** Returns a text parameter, or {@code null} when absent or blank. */
  String text(String name) {
    String v = params.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  /**
   * Returns the values of a list parameter, each looked up by {@code lookup}; unknown values are
   * problems listing the allowed ones.
   */
  <T> Set<T> list(String name, Function<String, Optional<T>> lookup, List<String> allowed) {
    Set<T> out = new LinkedHashSet<>();
    for (String value : values(name)) {
      Optional<T> found = lookup.apply(value);
      if (found.isPresent()) {
        out.add(found.get());
      } else {
        problems.add(new Problem(name, "unknown value '" + value + "'; allowed: " + allowed));
      }
    }
    return out;
  }

  /** Returns the values of a list parameter as they are, without duplicates. */
  List<String> texts(String name) {
    return new ArrayList<>(new LinkedHashSet<>(values(name)));
  }

  private List<String> values(String name) {
    List<String> out = new ArrayList<>();
    for (String raw : params.getAll(name)) {
      for (String part : raw.split(",", -1)) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  /** Returns an integer parameter, or {@code fallback} when absent. */
  int integer(String name, int fallback) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      problems.add(new Problem(name, "must be an integer"));
      return fallback;
    }
  }

  /** Returns a boolean parameter ({@code true}/{@code false}), {@code false} when absent. */
  /**
   * Reads an integer that must lie in a range; a value outside it is a problem.
   *
   * @param name the parameter
   * @param fallback the value when absent
   * @param min smallest allowed value
   * @param max largest allowed value
   * @return the value, or the fallback when absent or wrong
   */
  int integer(String name, int fallback, int min, int max) {
    int before = problems.size();
    int v = integer(name, fallback);
    if (problems.size() == before && (v < min || v > max)) {
      problems.add(new Problem(name, "must be an integer from " + min + " to " + max));
      return fallback;
    }
    return v;
  }

  boolean flag(String name) {
    String v = text(name);
    if (v == null) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add(new Problem(name, "must be true or false"));
        yield false;
      }
    };
  }

  /**
   * Reads a boolean written {@code true|false|1|0}.
   *
   * @param name the parameter
   * @param fallback the value when absent
   * @return the value, or the fallback when absent or wrong
   */
  boolean bool(String name, boolean fallback) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> {
        problems.add(new Problem(name, "must be true, false, 1 or 0"));
        yield fallback;
      }
    };
  }

  /** Returns {@code true} for {@code order=asc}, {@code false} for {@code desc} or absent. */
  boolean ascending() {
    String v = text("order");
    if (v == null) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "asc" -> true;
      case "desc" -> false;
      default -> {
        problems.add(new Problem("order", "must be asc or desc"));
        yield false;
      }
    };
  }

  /**
   * Returns a time parameter: an RFC 3339 date-time (any offset) or a date ({@code YYYY-MM-DD}, the
   * start of that UTC day), or {@code null} when absent.
   */
  Instant instant(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    // why: the Java SDK puts times in the query string unencoded, so an offset's '+' arrives as ' '
    String raw = v.trim().replace(' ', '+');
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        problems.add(new Problem(name, "must be an RFC 3339 date-time, e.g. 2025-01-01T00:00:00Z"));
        return null;
      }
    }
  }

  /** Returns a text parameter that must be given; a missing or blank one is a problem. */
  String required(String name) {
    String v = text(name);
    if (v == null) {
      problems.add(new Problem(name, "is required"));
    }
    return v;
  }

  /** Records a problem found by the caller. */
  void invalid(String name, String message) {
    problems.add(new Problem(name, message));
  }

  /** Records that {@code from} lies after {@code to} when both are given. */
  void ordered(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      problems.add(new Problem("from", "must not be after to"));
    }
  }

  /**
   * Reads a decimal number that must lie in a range; a value outside it, or not a finite number, is
   * a problem.
   *
   * @param name the parameter
   * @param fallback the value when absent
   * @param min smallest allowed value
   * @param max largest allowed value
   * @return the value, or the fallback when absent or wrong
   */
  double decimal(String name, double fallback, double min, double max) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new Problem(name, "must be a number from " + min + " to " + max));
    return fallback;
  }

  /** Throws the {@code 400} when any parameter was wrong. */
  void check() {
    if (!problems.isEmpty()) {
      throw new BadRequestException("Invalid query", problems);
    }
  }
}
