/**
 * The storage SPI: {@code StorageProvider} and the JDBC machinery shared by every storage backend,
 * so that a backend module holds only the SQL and migrations that really differ.
 */
package ai.agentlens.storage.spi;
