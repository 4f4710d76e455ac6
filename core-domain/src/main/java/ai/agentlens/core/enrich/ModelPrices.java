package ai.agentlens.core.enrich;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The versioned model price table: list prices in USD per million tokens, used to compute {@code
 * costUsd} when a client sent none. A model matches an entry exactly or by the longest entry that
 * is a prefix of it followed by {@code -} (so {@code gpt-4o-2024-08-06} prices as {@code gpt-4o},
 * never as {@code gpt-4}). A new price list is a new {@link #VERSION}; stored costs keep the
 * version they were computed with.
 */
public final class ModelPrices {

  /** The version of this table, stored next to computed costs. */
  public static final String VERSION = "2026-11-01";

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /**
   * One row.
   *
   * @param model the model name or family prefix, lower case
   * @param inputPerMillion USD per million input tokens
   * @param outputPerMillion USD per million output tokens
   */
  public record Price(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

  private static final List<Price> TABLE =
      List.of(
          p("gpt-5", "1.25", "10.00"),
          p("gpt-5-mini", "0.25", "2.00"),
          p("gpt-5-nano", "0.05", "0.40"),
          p("gpt-4.1", "2.00", "8.00"),
          p("gpt-4.1-mini", "0.40", "1.60"),
          p("gpt-4.1-nano", "0.10", "0.40"),
          p("gpt-4o", "2.50", "10.00"),
          p("gpt-4o-mini", "0.15", "0.60"),
          p("gpt-4-turbo", "10.00", "30.00"),
          p("gpt-4", "30.00", "60.00"),
          p("gpt-3.5-turbo", "0.50", "1.50"),
          p("o1", "15.00", "60.00"),
          p("o1-mini", "1.10", "4.40"),
          p("o3", "2.00", "8.00"),
          p("o3-mini", "1.10", "4.40"),
          p("o4-mini", "1.10", "4.40"),
          p("claude-opus-4", "15.00", "75.00"),
          p("claude-sonnet-4", "3.00", "15.00"),
          p("claude-haiku-4", "1.00", "5.00"),
          p("claude-3-opus", "15.00", "75.00"),
          p("claude-3-7-sonnet", "3.00", "15.00"),
          p("claude-3-5-sonnet", "3.00", "15.00"),
          p("claude-3-5-haiku", "0.80", "4.00"),
          p("claude-3-haiku", "0.25", "1.25"),
          p("gemini-2.5-pro", "1.25", "10.00"),
          p("gemini-2.5-flash", "0.30", "2.50"),
          p("gemini-2.0-flash", "0.10", "0.40"),
          p("gemini-1.5-pro", "1.25", "5.00"),
          p("gemini-1.5-flash", "0.075", "0.30"),
          p("mistral-large", "2.00", "6.00"),
          p("mistral-small", "0.20", "0.60"));

  private static final List<Price> BY_LENGTH =
      TABLE.stream()
          .sorted(Comparator.comparingInt((Price x) -> x.model().length()).reversed())
          .toList();

  private ModelPrices() {}

  private static Price p(String model, String in, String out) {
    return new Price(model, new BigDecimal(in), new BigDecimal(out));
  }

  /**
   * Finds the price of a model.
   *
   * @param model as the client named it, e.g. {@code gpt-4o-2024-08-06}; case-insensitive; a
   *     provider prefix such as {@code openai/} is ignored
   * @return the price, or empty for a model not in the table
   */
  public static Optional<Price> find(String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    String name = model.toLowerCase(Locale.ROOT).trim();
    int slash = name.lastIndexOf('/');
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    for (Price price : BY_LENGTH) {
      if (name.equals(price.model()) || name.startsWith(price.model() + "-")) {
        return Optional.of(price);
      }
    }
    return Optional.empty();
  }

  /**
   * Computes a call's cost.
   *
   * @param model the model
   * @param inputTokens input tokens, &gt;= 0
   * @param outputTokens output tokens, &gt;= 0
   * @return the cost in USD (10 significant digits), or empty for an unknown model
   */
  public static Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
    return find(model)
        .map(
            p ->
                p.inputPerMillion()
                    .multiply(BigDecimal.valueOf(Math.max(0, inputTokens)))
                    .add(
                        p.outputPerMillion()
                            .multiply(BigDecimal.valueOf(Math.max(0, outputTokens))))
                    .divide(MILLION, MathContext.DECIMAL64)
                    .round(new MathContext(10))
                    .stripTrailingZeros());
  }

  /**
   * Returns the whole table, for the API and the dashboard.
   *
   * @return every row, in table order
   */
  public static List<Price> table() {
    return TABLE;
  }
}
