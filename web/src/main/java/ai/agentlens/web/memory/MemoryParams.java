package ai.agentlens.web.memory;

import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parameters of the memory routes and tools (query string or MCP arguments), collecting what is
 * wrong as {@link Problem}s named by the parameter so one {@code 400} lists every bad value. Blank
 * values mean "not given". Not thread-safe: one instance per request.
 */
public final class MemoryParams {

  private final Map<String, String> values;
  private final List<Problem> problems = new ArrayList<>();

  /**
   * Reads from a map of single values.
   *
   * @param values the parameters
   */
  public MemoryParams(Map<String, String> values) {
    this.values = values;
  }

  /**
   * A text parameter.
   *
   * @param name the name
   * @return the trimmed value, or {@code null} when absent or blank
   */
  public String text(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /**
   * Records a problem.
   *
   * @param name the parameter
   * @param message what is wrong
   */
  public void problem(String name, String message) {
    problems.add(new Problem(name, message));
  }

  /**
   * An integer in a range.
   *
   * @param name the name
   * @param fallback the value when absent
   * @param min smallest allowed
   * @param max largest allowed
   * @return the value, or the fallback when absent or wrong
   */
  public int integer(String name, int fallback, int min, int max) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (d == Math.rint(d) && d >= min && d <= max) {
        return (int) d;
      }
    } catch (NumberFormatException e) {
      // why: reported below with the range, like any other bad value
    }
    problem(name, "must be an integer from " + min + " to " + max);
    return fallback;
  }

  /**
   * An RFC 3339 date-time (any offset) or a date ({@code YYYY-MM-DD}, UTC midnight).
   *
   * @param name the name
   * @return the instant, or {@code null} when absent or wrong
   */
  public Instant instant(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    // why: the Java SDK puts times in the query string unencoded, so an offset's '+' arrives as ' '
    String raw = v.replace(' ', '+');
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        problem(name, "must be an RFC 3339 date-time, e.g. 2025-01-01T00:00:00Z");
        return null;
      }
    }
  }

  /**
   * Checks that {@code from} is before {@code to} when both are given.
   *
   * @param from the start
   * @param to the end
   */
  public void range(Instant from, Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      problem("from", "must be before to");
    }
  }

  /** Throws the {@code 400} when any parameter was wrong. */
  public void check() {
    if (!problems.isEmpty()) {
      throw new BadRequestException("Invalid query", problems);
    }
  }
}
