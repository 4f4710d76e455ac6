/**
 * SQLite storage backend (self-hosted default): one database file, WAL mode, a single writer that
 * batches writes, concurrent readers.
 */
package ai.agentlens.storage.sqlite;
