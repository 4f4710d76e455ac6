package ai.agentlens.core.port.benchmark;

import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A/B benchmarks and their cached results. Thread-safe; every method is one transaction, names its
 * org and never reads or changes another org's rows (a {@code null} or blank org reads nothing and
 * changes nothing). Deleting a benchmark deletes its cached results; deleting an org deletes both.
 * Errors: {@link ai.agentlens.core.error.ConflictException} for a duplicate id, {@link
 * ai.agentlens.core.error.StorageUnavailableException} otherwise.
 */
public interface BenchmarkStore {

  /**
   * Stores a new benchmark with its variants and metrics.
   *
   * @param benchmark the benchmark (its org must exist)
   * @throws ai.agentlens.core.error.ConflictException when the org already has one with the id
   */
  void create(Benchmark benchmark);

  /**
   * Reads one benchmark.
   *
   * @param orgId the org
   * @param id the benchmark
   * @return it, or empty when the org has none with this id
   */
  Optional<Benchmark> find(String orgId, String id);

  /**
   * Lists an org's benchmarks, newest first (then by id, descending).
   *
   * @param orgId the org
   * @param status only this status, or {@code null} for every one
   * @return the benchmarks
   */
  List<Benchmark> list(String orgId, BenchmarkStatus status);

  /**
   * Changes a benchmark's status only if it still has {@code from} (compare-and-set), so that two
   * concurrent changes cannot both succeed; sets {@code updatedAt} and, when {@code to} is
   * completed or cancelled, {@code completedAt}.
   *
   * @param orgId the org
   * @param id the benchmark
   * @param from the status it must have
   * @param to the new status
   * @param at the time of the change
   * @return {@code true} when it changed
   */
  boolean transition(String orgId, String id, BenchmarkStatus from, BenchmarkStatus to, Instant at);

  /**
   * Deletes a benchmark and its cached results.
   *
   * @param orgId the org
   * @param id the benchmark
   * @return {@code true} when it existed
   */
  boolean delete(String orgId, String id);

  /**
   * Caches a benchmark's results, replacing any earlier ones.
   *
   * @param orgId the org
   * @param id the benchmark (must exist in the org, else nothing is stored)
   * @param resultsJson the results document
   * @param at when they were computed
   */
  void saveResults(String orgId, String id, String resultsJson, Instant at);

  /**
   * Reads a benchmark's cached results.
   *
   * @param orgId the org
   * @param id the benchmark
   * @return the results document, or empty when none is cached
   */
  Optional<String> results(String orgId, String id);
}
