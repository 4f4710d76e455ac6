package ai.agentlens.storage.spi;

/** Optional features a storage backend may have; contract tests assume them per backend. */
public enum StorageCapability {
  /** The database itself isolates tenants (PostgreSQL Row-Level Security). */
  ROW_LEVEL_SECURITY,
  /** Events are range-partitioned by month (FR-73). */
  PARTITIONING,
  /** Embeddings are ranked in the database (pgvector); otherwise in process. */
  VECTOR_SEARCH,
  /** Several processes may write the same database at once. */
  MULTI_PROCESS_WRITERS,
  /** Database roles: the application role cannot do what the owner role can. */
  DATABASE_ROLES
}
