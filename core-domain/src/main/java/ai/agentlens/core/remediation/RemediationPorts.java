package ai.agentlens.core.remediation;

import ai.agentlens.core.port.KeyRevocations;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.port.remediation.RemediationStore;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.AuditLog;

/**
 * The ports {@link Remediations} uses.
 *
 * @param incidents the incidents
 * @param settings the agents' settings
 * @param store the remediations
 * @param keys the API keys
 * @param revocations drops a key's cached verification (so its new limit applies at once)
 * @param audit the audit log
 */
public record RemediationPorts(
    IncidentStore incidents,
    AgentSettingsStore settings,
    RemediationStore store,
    ApiKeyStore keys,
    KeyRevocations revocations,
    AuditLog audit) {}
