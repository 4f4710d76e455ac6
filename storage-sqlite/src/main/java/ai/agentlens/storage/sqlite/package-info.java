/**
 * The SQLite storage backend (self-hosted default): one database file in WAL mode, one writer
 * thread that group-commits every waiting write in one transaction, and a small pool of concurrent
 * readers. Plain JDBC on xerial sqlite-jdbc; migrations in {@code db/sqlite}.
 */
package ai.agentlens.storage.sqlite;
