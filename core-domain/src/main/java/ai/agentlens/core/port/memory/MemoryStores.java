package ai.agentlens.core.port.memory;

/**
 * The storage ports of reflect, context and session summaries (issue 12) of one opened backend.
 *
 * @param summaries session summaries
 * @param reflect the aggregated reads behind reflect
 */
public record MemoryStores(SessionSummaryStore summaries, ReflectReads reflect) {}
