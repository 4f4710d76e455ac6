package ai.agentlens.core.port.incident;

/**
 * The storage ports of incidents (issue 17) of one opened backend.
 *
 * @param incidents the incidents
 * @param rules the rules
 * @param hourly the hourly roll-ups per agent the anomaly scan reads
 * @param webhookSecrets the Datadog webhook's secrets and seen signatures
 * @param rootCauses the latest root-cause analysis of each incident
 */
public record IncidentStores(
    IncidentStore incidents,
    IncidentRuleStore rules,
    HourlyAgentSeries hourly,
    WebhookSecretStore webhookSecrets,
    RootCauseStore rootCauses) {}
