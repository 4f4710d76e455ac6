package ai.agentlens.core.port.alerting;

/**
 * The storage ports of alerting and health history (issue 11) of one opened backend.
 *
 * @param healthSnapshots daily health snapshots
 * @param rules alert rules
 * @param history alert firings
 * @param metrics window measurements for the checker
 * @param healthAggregates per-agent session and tool totals that health is scored from
 */
public record AlertingStores(
    HealthSnapshotStore healthSnapshots,
    AlertRuleStore rules,
    AlertHistory history,
    AlertMetrics metrics,
    HealthAggregates healthAggregates) {}
