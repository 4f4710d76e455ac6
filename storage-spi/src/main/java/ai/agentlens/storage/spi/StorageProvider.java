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
   * Returns the schema version the migrations brought the database to.
   *
   * @return e.g. {@code "3"}
   */
  String schemaVersion();

  /** Finishes pending writes and releases connections and threads. Idempotent. */
  @Override
  void close();
}
