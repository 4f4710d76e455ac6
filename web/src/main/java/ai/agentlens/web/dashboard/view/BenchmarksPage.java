package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The benchmarks page: the list, the create form, and one benchmark's comparison table.
 *
 * @param layout the frame
 * @param rows every benchmark, newest first
 * @param metrics the metric names the form offers
 * @param selected the benchmark shown in detail, or {@code null}
 * @param canWrite whether the caller may create and change benchmarks
 */
public record BenchmarksPage(
    Layout layout, List<Row> rows, List<String> metrics, Detail selected, boolean canWrite) {

  /**
   * A benchmark in the list.
   *
   * @param id its id
   * @param name its name
   * @param status its status
   * @param variants its variants as {@code name (tag)}
   * @param metrics its metrics
   * @param created when it was created
   */
  public record Row(
      String id, String name, String status, String variants, String metrics, String created) {}

  /**
   * One benchmark with its results.
   *
   * @param id its id
   * @param name its name
   * @param status its status
   * @param actions the statuses it may move to
   * @param variants per variant: name, tag, session count
   * @param comparisons the comparison table
   * @param summary the results' summary sentence
   * @param cached whether the results are the cached ones of a completed benchmark
   */
  public record Detail(
      String id,
      String name,
      String status,
      List<String> actions,
      List<Row> variants,
      List<Comparison> comparisons,
      String summary,
      boolean cached) {}

  /**
   * One row of the comparison table.
   *
   * @param metric the metric
   * @param pair {@code A vs B}
   * @param test {@code Welch t} or {@code χ² (Yates)}
   * @param means mean of A and of B
   * @param pValue the p-value, or {@code —}
   * @param ci the 95 % interval of the difference, or {@code —}
   * @param effect the effect size with its kind, or {@code —}
   * @param stars the confidence stars
   * @param winner the winner, or {@code —}
   */
  public record Comparison(
      String metric,
      String pair,
      String test,
      String means,
      String pValue,
      String ci,
      String effect,
      String stars,
      String winner) {}
}
