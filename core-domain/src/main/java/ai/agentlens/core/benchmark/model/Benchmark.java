package ai.agentlens.core.benchmark.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An A/B benchmark (reference §4.3.5).
 *
 * @param id the id
 * @param orgId the org
 * @param name 1–200 characters
 * @param description free text, or {@code null}
 * @param agentId default agent filter of the variants, or {@code null}
 * @param metrics what to compare, at least one, no duplicates
 * @param minSessionsPerVariant sessions wanted per variant before trusting results
 * @param from only sessions started at or after this, or {@code null}
 * @param to only sessions started before this, or {@code null}
 * @param status the lifecycle state
 * @param variants at least two, distinct names
 * @param createdAt creation time
 * @param updatedAt last change
 * @param completedAt when it completed or was cancelled, or {@code null}
 */
public record Benchmark(
    String id,
    String orgId,
    String name,
    String description,
    String agentId,
    List<Metric> metrics,
    int minSessionsPerVariant,
    Instant from,
    Instant to,
    BenchmarkStatus status,
    List<Variant> variants,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt) {

  /** Copies the lists and rejects missing fields. */
  public Benchmark {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(status, "status");
    metrics = List.copyOf(metrics);
    variants = List.copyOf(variants);
  }

  /**
   * Returns this benchmark in another state.
   *
   * @param next the state
   * @param at the time of the change
   * @return the copy
   */
  public Benchmark moved(BenchmarkStatus next, Instant at) {
    boolean ends = next == BenchmarkStatus.COMPLETED || next == BenchmarkStatus.CANCELLED;
    return new Benchmark(
        id,
        orgId,
        name,
        description,
        agentId,
        metrics,
        minSessionsPerVariant,
        from,
        to,
        next,
        variants,
        createdAt,
        at,
        ends ? at : completedAt);
  }
}
