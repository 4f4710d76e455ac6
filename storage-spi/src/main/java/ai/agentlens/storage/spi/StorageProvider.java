package ai.agentlens.storage.spi;

import ai.agentlens.core.port.storage.Stores;

/**
 * An opened storage backend. A backend module offers a static {@code open(config)} that connects,
 * runs its Flyway migrations (one folder per backend, same versions and descriptions everywhere)
 * and returns a provider; the provider hands out every store and reports its capabilities.
 *
 * <p>Thread-safe: the stores may be used from any number of threads until {@link #close()}. After
 * close, store calls fail with {@link ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface StorageProvider extends AutoCloseable {

  /**
   * Returns the backend's optional features.
   *
   * @return the capabilities; never {@code null}
   */
  StorageCapabilities capabilities();

  /**
   * Returns every store of this backend. Repeated calls return the same instances.
   *
   * @return the stores
   */
  Stores stores();

  /**
   * Returns the operator maintenance of the analytics roll-ups (rebuild from events, check).
   *
   * @return the maintenance; repeated calls return the same instance
   */
  ai.agentlens.core.port.storage.RollupMaintenance rollupMaintenance();

  /**
   * Returns the retention purge (issue 15).
   *
   * @return the purge; repeated calls return the same instance
   */
  ai.agentlens.core.port.storage.RetentionPurge retentionPurge();

  /**
   * Returns the job leases, so one instance runs each periodic job.
   *
   * @return the leases; repeated calls return the same instance
   */
  ai.agentlens.core.port.storage.JobLeases jobLeases();

  /**
   * Returns the queue of org and account deletions (issue 15).
   *
   * @return the queue; repeated calls return the same instance
   */
  ai.agentlens.core.port.deletion.DeletionQueue deletionQueue();

  /**
   * Returns the stores of alerting and health history (issue 11).
   *
   * @return the stores; repeated calls return the same instances
   */
  ai.agentlens.core.port.alerting.AlertingStores alerting();

  /**
   * Returns the stores of session summaries and reflect (issue 12).
   *
   * @return the stores; repeated calls return the same instances
   */
  ai.agentlens.core.port.memory.MemoryStores memory();

  /**
   * Returns the LLM request log with its full-text search (issue 17).
   *
   * @return the store; repeated calls return the same instance
   */
  ai.agentlens.core.port.llm.LlmRequestStore llmRequests();

  /**
   * Returns the LLM request log's inbox: the LLM events the event store noted, while it is open, in
   * the transactions that stored them, until the recorder settles them (issue 17).
   *
   * @return the inbox; repeated calls return the same instance
   */
  ai.agentlens.core.port.llm.LlmLogInbox llmLogInbox();

  /**
   * Returns the stores of incidents and incident rules (issue 17).
   *
   * @return the stores; repeated calls return the same instances
   */
  ai.agentlens.core.port.incident.IncidentStores incidents();

  /**
   * Returns the vectors of agent memory (issue 12). Whether they are ranked in the database is
   * {@link ai.agentlens.core.port.memory.EmbeddingStore#rankedInDatabase()}, reported as {@link
   * StorageCapability#VECTOR_SEARCH}.
   *
   * @return the store; repeated calls return the same instance
   */
  ai.agentlens.core.port.memory.EmbeddingStore embeddings();

  /**
   * Returns the schema version the migrations brought the database to.
   *
   * @return e.g. {@code "3"}
   */
  String schemaVersion();

  /**
   * Returns the connection pool's state now, for metrics. Cheap (no I/O), never throws.
   *
   * @return the pool's counts, or empty when the backend has no connection pool (SQLite: one writer
   *     thread and a fixed set of readers)
   */
  default java.util.Optional<PoolStats> pool() {
    return java.util.Optional.empty();
  }

  /**
   * A connection pool at one instant.
   *
   * @param active connections in use
   * @param idle connections open and free
   * @param max the pool's maximum size
   * @param waiting threads waiting for a connection
   */
  record PoolStats(int active, int idle, int max, int waiting) {}

  /**
   * Returns the single writer's totals since start, for metrics. Cheap (no I/O), never throws.
   *
   * @return the writer's totals, or empty when the backend has no single writer (PostgreSQL: each
   *     worker writes in a pooled connection of its own)
   */
  default java.util.Optional<WriterStats> writer() {
    return java.util.Optional.empty();
  }

  /**
   * A single writer's totals since start (each group of units is one transaction and one commit).
   *
   * @param commits groups committed (or rolled back whole)
   * @param units units of work run in them
   * @param busyNanos time spent running groups, their commits included
   * @param commitNanos time spent in the commits alone
   * @param unitWaitNanos summed over the units: time from being queued to the start of their group
   * @param backgroundNanos time spent running background units (the LLM request log's runs), their
   *     commits not included
   * @param waiting units queued now and not yet taken
   */
  record WriterStats(
      long commits,
      long units,
      long busyNanos,
      long commitNanos,
      long unitWaitNanos,
      long backgroundNanos,
      int waiting) {}

  /**
   * Returns the state of the session index where the backend keeps it behind the commit (SQLite's
   * {@code event_sessions}, brought up to date by a background unit every second), for metrics.
   * Reads two rows; a failed read gives empty, never an exception.
   *
   * @return the index's totals since start and the events waiting for it now, or empty where reads
   *     by session use an index kept in every commit (PostgreSQL)
   */
  default java.util.Optional<SessionIndexStats> sessionIndex() {
    return java.util.Optional.empty();
  }

  /**
   * A deferred session index at one instant.
   *
   * @param waiting events stored and not yet indexed: the rowids above the index's mark (a deletion
   *     among them makes this an overcount until the next run)
   * @param runs runs committed since start
   * @param indexed events given entries by those runs
   * @param busyNanos time the writer spent in those runs, their commits not included
   */
  record SessionIndexStats(long waiting, long runs, long indexed, long busyNanos) {}

  /** Finishes pending writes and releases connections and threads. Idempotent. */
  @Override
  void close();
}
