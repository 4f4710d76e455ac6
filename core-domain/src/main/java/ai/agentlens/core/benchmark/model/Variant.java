package ai.agentlens.core.benchmark.model;

/**
 * One arm of a benchmark: the sessions carrying {@code tag} (and of {@code agentId} when given).
 *
 * @param name unique within the benchmark
 * @param tag the session tag that selects its sessions
 * @param agentId only this agent's sessions, or {@code null}
 * @param description free text, or {@code null}
 */
public record Variant(String name, String tag, String agentId, String description) {}
