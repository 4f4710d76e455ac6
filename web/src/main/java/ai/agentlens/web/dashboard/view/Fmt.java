package ai.agentlens.web.dashboard.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting for the templates: UTC times, counts, money, durations. */
public final class Fmt {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  private Fmt() {}

  /**
   * Formats an instant for people.
   *
   * @param t the instant, or {@code null}
   * @return e.g. {@code 2026-03-01 12:00:00 UTC}, or a dash
   */
  public static String time(Instant t) {
    return t == null ? "—" : TIME.format(t);
  }

  /**
   * Formats an instant for a {@code datetime} attribute.
   *
   * @param t the instant
   * @return ISO 8601 in UTC, or an empty string
   */
  public static String iso(Instant t) {
    return t == null ? "" : ISO.format(t);
  }

  /**
   * Formats an instant for a {@code datetime-local} input (UTC).
   *
   * @param t the instant, or {@code null}
   * @return e.g. {@code 2026-03-01T12:00}, or an empty string
   */
  public static String input(Instant t) {
    return t == null ? "" : INPUT.format(t);
  }

  /**
   * Formats a count with thousands separators.
   *
   * @param n the count
   * @return e.g. {@code 12,345}
   */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Formats US dollars: four decimals below a dollar, two above.
   *
   * @param usd the amount
   * @return e.g. {@code $0.0042}
   */
  public static String usd(double usd) {
    return Math.abs(usd) < 1 && usd != 0
        ? String.format(Locale.ROOT, "$%.4f", usd)
        : String.format(Locale.ROOT, "$%,.2f", usd);
  }

  /**
   * Formats milliseconds.
   *
   * @param ms the duration
   * @return e.g. {@code 850 ms} or {@code 1.2 s}
   */
  public static String ms(double ms) {
    return ms < 1000
        ? String.format(Locale.ROOT, "%.0f ms", ms)
        : String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  /**
   * Formats a session's length.
   *
   * @param from start
   * @param to end, or {@code null} while running
   * @return e.g. {@code 3m 12s}
   */
  public static String span(Instant from, Instant to) {
    if (from == null || to == null) {
      return "—";
    }
    long s = Math.max(0, Duration.between(from, to).toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m " + (s % 60) + "s";
    }
    return (s / 3600) + "h " + (s % 3600 / 60) + "m";
  }

  /**
   * URL-encodes a query value.
   *
   * @param value the value
   * @return the encoded value
   */
  public static String q(String value) {
    return java.net.URLEncoder.encode(
        value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
