package ai.agentlens.core.port.incident;

/**
 * The storage ports of incidents and their remediation (issue 17) of one opened backend.
 *
 * @param incidents the incidents
 * @param rules the rules
 * @param hourly the hourly roll-ups per agent the anomaly scan reads
 * @param webhookSecrets the Datadog webhook's secrets and seen signatures
 * @param rootCauses the latest root-cause analysis of each incident
 * @param settings agents' settings and org defaults (what remediations change)
 * @param remediations the remediations applied to incidents
 */
public record IncidentStores(
    IncidentStore incidents,
    IncidentRuleStore rules,
    HourlyAgentSeries hourly,
    WebhookSecretStore webhookSecrets,
    RootCauseStore rootCauses,
    ai.agentlens.core.port.remediation.AgentSettingsStore settings,
    ai.agentlens.core.port.remediation.RemediationStore remediations) {}
