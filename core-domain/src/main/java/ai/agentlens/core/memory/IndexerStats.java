package ai.agentlens.core.memory;

/**
 * What the {@link MemoryIndexer} has done since start.
 *
 * @param backlog items waiting now
 * @param embedded texts embedded and stored
 * @param dropped items refused because the backlog was full
 * @param failed texts whose embedding or store write failed (not retried)
 * @param skipped texts not embedded again because the same text of the same source was just stored
 */
public record IndexerStats(int backlog, long embedded, long dropped, long failed, long skipped) {}
