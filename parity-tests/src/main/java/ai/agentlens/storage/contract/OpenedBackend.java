package ai.agentlens.storage.contract;

import ai.agentlens.storage.spi.StorageProvider;

/**
 * A storage backend opened for a contract suite: the provider under test and raw access to the
 * database behind it.
 *
 * @param provider the opened provider; the suite closes it
 * @param raw raw JDBC access as the application's database user
 */
public record OpenedBackend(StorageProvider provider, RawDatabase raw) {}
