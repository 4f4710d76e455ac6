package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentQuery;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.TriggerRecord;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory incident stores for unit tests (the real ones are tested by the contract). */
final class FakeIncidentStores implements IncidentStore {

  final Map<String, Incident> incidents = new LinkedHashMap<>();
  final Rules rules = new Rules();

  @Override
  public synchronized Incident record(String newId, IncidentTrigger t) {
    for (Incident i : incidents.values()) {
      if (i.open() && i.orgId().equals(t.orgId()) && i.dedupeKey().equals(t.dedupeKey())) {
        List<String> related = new ArrayList<>(i.relatedIds());
        if (t.relatedId() != null) {
          related.add(t.relatedId());
        }
        Incident u =
            new Incident(
                i.id(),
                i.orgId(),
                i.agentId(),
                i.ruleId(),
                i.dedupeKey(),
                i.title(),
                i.severity(),
                i.triggerType(),
                true,
                i.openedAt(),
                t.at(),
                i.triggerCount() + 1,
                null,
                null,
                t.details(),
                related);
        incidents.put(i.id(), u);
        return u;
      }
    }
    Incident n =
        new Incident(
            newId,
            t.orgId(),
            t.agentId(),
            t.ruleId(),
            t.dedupeKey(),
            t.title(),
            t.severity(),
            t.type(),
            true,
            t.at(),
            t.at(),
            1,
            null,
            null,
            t.details(),
            t.relatedId() == null ? List.of() : List.of(t.relatedId()));
    incidents.put(newId, n);
    return n;
  }

  @Override
  public Optional<Incident> find(String orgId, String id) {
    return Optional.ofNullable(incidents.get(id)).filter(i -> i.orgId().equals(orgId));
  }

  @Override
  public List<TriggerRecord> timeline(String orgId, String id) {
    return List.of();
  }

  @Override
  public List<Incident> list(IncidentQuery q) {
    return incidents.values().stream()
        .filter(i -> i.orgId().equals(q.orgId()))
        .sorted(Comparator.comparing(Incident::id).reversed())
        .limit(q.limit())
        .toList();
  }

  @Override
  public Optional<Incident> resolve(String orgId, String id, String by, Instant at) {
    Optional<Incident> i = find(orgId, id);
    i.filter(Incident::open).ifPresent(x -> incidents.put(id, resolved(x, by, at)));
    return find(orgId, id);
  }

  @Override
  public Optional<Incident> resolveOpen(String orgId, String key, String by, Instant at) {
    for (Incident i : incidents.values()) {
      if (i.open() && i.orgId().equals(orgId) && i.dedupeKey().equals(key)) {
        Incident r = resolved(i, by, at);
        incidents.put(i.id(), r);
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static Incident resolved(Incident i, String by, Instant at) {
    return new Incident(
        i.id(),
        i.orgId(),
        i.agentId(),
        i.ruleId(),
        i.dedupeKey(),
        i.title(),
        i.severity(),
        i.triggerType(),
        false,
        i.openedAt(),
        i.lastSeenAt(),
        i.triggerCount(),
        at,
        by,
        i.details(),
        i.relatedIds());
  }

  /** In-memory rules. */
  static final class Rules implements IncidentRuleStore {
    final Map<String, IncidentRule> byId = new LinkedHashMap<>();
    int reads;

    @Override
    public void create(IncidentRule rule) {
      byId.put(rule.id(), rule);
    }

    @Override
    public Optional<IncidentRule> find(String orgId, String id) {
      return Optional.ofNullable(byId.get(id)).filter(r -> r.orgId().equals(orgId));
    }

    @Override
    public List<IncidentRule> list(String orgId, boolean enabledOnly) {
      reads++;
      return byId.values().stream()
          .filter(r -> r.orgId().equals(orgId) && (!enabledOnly || r.enabled()))
          .toList();
    }

    @Override
    public boolean update(IncidentRule rule) {
      return byId.replace(rule.id(), rule) != null;
    }

    @Override
    public boolean delete(String orgId, String id) {
      return byId.remove(id) != null;
    }
  }
}
