package ai.agentlens.core.port.incident;

import ai.agentlens.core.incident.model.RcaRecord;
import java.util.Optional;

/**
 * The latest root-cause analysis of each incident, one per (org, incident). Thread-safe; every
 * method names its org and never reads or changes another org's rows. Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface RootCauseStore {

  /**
   * Stores an analysis, replacing the incident's previous one (last writer wins). Every field is
   * kept exactly, lists in order; times to the microsecond.
   *
   * @param record the analysis
   */
  void save(RcaRecord record);

  /**
   * Reads an incident's latest analysis.
   *
   * @param orgId the org
   * @param incidentId the incident
   * @return it, or empty when none was stored for that org's incident
   */
  Optional<RcaRecord> find(String orgId, String incidentId);
}
