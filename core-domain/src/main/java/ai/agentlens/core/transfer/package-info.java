/**
 * Moving an org's data between servers: the JSONL export (streamed by keyset pages, checksummed)
 * and the import that writes it back through the normal event write path (docs/export-import.md).
 */
package ai.agentlens.core.transfer;
