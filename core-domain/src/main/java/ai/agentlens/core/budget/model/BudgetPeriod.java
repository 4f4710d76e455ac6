package ai.agentlens.core.budget.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The span a budget's limit applies to: one session, or the current UTC calendar day, ISO week
 * (Monday to Sunday) or month.
 */
public enum BudgetPeriod {
  /** The life of one session. */
  SESSION,
  /** The UTC calendar day. */
  DAILY,
  /** The ISO week, from Monday 00:00 UTC. */
  WEEKLY,
  /** The UTC calendar month. */
  MONTHLY;

  /**
   * Returns the start of the period that holds an instant.
   *
   * @param now the instant
   * @return the start (inclusive), or {@code null} for {@link #SESSION} (no calendar bound)
   */
  public Instant start(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first =
        switch (this) {
          case SESSION -> null;
          case DAILY -> day;
          case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTHLY -> day.withDayOfMonth(1);
        };
    return first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Returns the end of the period that holds an instant.
   *
   * @param now the instant
   * @return the end (exclusive), or {@code null} for {@link #SESSION}
   */
  public Instant end(Instant now) {
    Instant start = start(now);
    if (start == null) {
      return null;
    }
    LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
    LocalDate next =
        switch (this) {
          case DAILY -> first.plusDays(1);
          case WEEKLY -> first.plusWeeks(1);
          default -> first.plusMonths(1);
        };
    return next.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Names the period that holds an instant, so a breach is recorded once per period.
   *
   * @param now the instant
   * @return e.g. {@code 2026-12-02}, {@code 2026-W49}, {@code 2026-12}; {@code session} for {@link
   *     #SESSION} (the session id completes the key)
   */
  public String key(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return switch (this) {
      case SESSION -> "session";
      case DAILY -> day.toString();
      case WEEKLY ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              day.get(IsoFields.WEEK_BASED_YEAR),
              day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTHLY -> String.format(Locale.ROOT, "%d-%02d", day.getYear(), day.getMonthValue());
    };
  }

  /**
   * Returns the wire name.
   *
   * @return e.g. {@code daily}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @param wire e.g. {@code weekly}
   * @return the period, or empty for an unknown name
   */
  public static Optional<BudgetPeriod> parse(String wire) {
    for (BudgetPeriod p : values()) {
      if (p.wireName().equals(wire)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
