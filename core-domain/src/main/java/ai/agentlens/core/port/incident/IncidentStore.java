package ai.agentlens.core.port.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentQuery;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.TriggerRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The incidents of every org. Thread-safe; every method names its org and never reads or changes
 * another org's rows (a {@code null} or blank org reads nothing and changes nothing). Errors:
 * {@link ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface IncidentStore {

  /**
   * Records a trigger atomically: when an open incident of the trigger's org has the same dedupe
   * key, it is updated (trigger count + 1, last seen = the trigger's time when later, details
   * replaced, the related id appended while fewer than {@link Incident#MAX_RELATED} are kept);
   * otherwise a new open incident with the given id is created from the trigger. Either way the
   * trigger is appended to the incident's timeline (at most {@link Incident#MAX_RELATED} entries
   * are kept per incident; later ones only count). Concurrent calls with the same key never open
   * two incidents.
   *
   * @param newId the id a new incident gets
   * @param trigger the trigger
   * @return the incident after the change
   */
  Incident record(String newId, IncidentTrigger trigger);

  /**
   * Reads one incident.
   *
   * @param orgId the org
   * @param id the incident
   * @return it, or empty when the org has no such incident
   */
  Optional<Incident> find(String orgId, String id);

  /**
   * Reads an incident's timeline, oldest first (ties by insertion order).
   *
   * @param orgId the org
   * @param id the incident
   * @return the triggers; empty when the org has no such incident
   */
  List<TriggerRecord> timeline(String orgId, String id);

  /**
   * Lists incidents newest first (by id, descending), filtered.
   *
   * @param query the filters and page
   * @return at most {@code query.limit()} incidents with ids below the cursor
   */
  List<Incident> list(IncidentQuery query);

  /**
   * Resolves an open incident. Resolving a resolved incident changes nothing.
   *
   * @param orgId the org
   * @param id the incident
   * @param by who resolves it
   * @param at when
   * @return the incident after the call, or empty when the org has no such incident
   */
  Optional<Incident> resolve(String orgId, String id, String by, Instant at);

  /**
   * Resolves the open incident with a dedupe key (a recovery notice).
   *
   * @param orgId the org
   * @param dedupeKey the key
   * @param by who resolves it
   * @param at when
   * @return the resolved incident, or empty when none with that key was open
   */
  Optional<Incident> resolveOpen(String orgId, String dedupeKey, String by, Instant at);
}
