package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentQuery;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.TriggerRecord;
import ai.agentlens.core.port.incident.IncidentStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An {@link IncidentStore} that tells a listener about every incident a {@link #record} opened (not
 * about triggers that updated an open one), after the store's write: the hook that starts a
 * root-cause analysis when an incident is created (seed 003 R4.4), whoever opened it (rules, the
 * anomaly scan, a Datadog monitor). A failing listener never fails the write.
 */
public final class AnalyzedIncidentStore implements IncidentStore {

  private final IncidentStore store;
  private final Consumer<Incident> opened;

  /**
   * Wraps a store.
   *
   * @param store the store
   * @param opened told each newly opened incident; must not block for long
   */
  public AnalyzedIncidentStore(IncidentStore store, Consumer<Incident> opened) {
    this.store = store;
    this.opened = opened;
  }

  @Override
  public Incident record(String newId, IncidentTrigger trigger) {
    Incident i = store.record(newId, trigger);
    if (i.id().equals(newId)) {
      try {
        opened.accept(i);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(AnalyzedIncidentStore.class)
            .warn("could not start the analysis of incident {}: {}", i.id(), e.toString());
      }
    }
    return i;
  }

  @Override
  public Optional<Incident> find(String orgId, String id) {
    return store.find(orgId, id);
  }

  @Override
  public List<TriggerRecord> timeline(String orgId, String id) {
    return store.timeline(orgId, id);
  }

  @Override
  public List<Incident> list(IncidentQuery query) {
    return store.list(query);
  }

  @Override
  public Optional<Incident> resolve(String orgId, String id, String by, Instant at) {
    return store.resolve(orgId, id, by, at);
  }

  @Override
  public Optional<Incident> resolveOpen(String orgId, String dedupeKey, String by, Instant at) {
    return store.resolveOpen(orgId, dedupeKey, by, at);
  }
}
