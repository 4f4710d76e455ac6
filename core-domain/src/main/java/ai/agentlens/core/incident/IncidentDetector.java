package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.RequestObservation;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluates the orgs' enabled {@link IncidentRule}s on observed requests (see the rule types there)
 * and records a trigger ({@link IncidentStore#record}) for each rule a request makes true; the
 * store de-duplicates, so while the incident is open later triggers update it. A rule without an
 * agent watches each agent separately. Windows are kept in this process's memory, per (rule,
 * agent), over the observations' own times; an org's rules are re-read at most every {@code
 * rulesTtl}. Thread-safe (calls are serialized).
 */
public final class IncidentDetector {

  private record CachedRules(List<IncidentRule> rules, Instant readAt) {}

  private final IncidentRuleStore rules;
  private final IncidentStore store;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Duration rulesTtl;
  private final Map<String, CachedRules> cache = new HashMap<>();
  private final Map<String, RuleWindow> windows = new HashMap<>();

  /**
   * Creates the detector.
   *
   * @param rules the rules
   * @param store where triggers go
   * @param clock the time (rule cache expiry)
   * @param ids new incident ids (ULIDs)
   * @param rulesTtl how long an org's rules are cached
   */
  public IncidentDetector(
      IncidentRuleStore rules,
      IncidentStore store,
      Clock clock,
      Supplier<String> ids,
      Duration rulesTtl) {
    this.rules = rules;
    this.store = store;
    this.clock = clock;
    this.ids = ids;
    this.rulesTtl = rulesTtl;
  }

  /**
   * Evaluates the rules on requests, in list order.
   *
   * @param observations the requests (of any orgs)
   * @return the incidents opened or updated, in trigger order
   */
  public synchronized List<Incident> observe(List<RequestObservation> observations) {
    List<Incident> out = new ArrayList<>();
    for (RequestObservation o : observations) {
      for (IncidentRule r : rulesOf(o.orgId())) {
        if (r.agentId() == null || r.agentId().equals(o.agentId())) {
          IncidentTrigger t = evaluate(r, o);
          if (t != null) {
            out.add(store.record(ids.get(), t));
          }
        }
      }
    }
    windows.values().removeIf(RuleWindow::isEmpty);
    return out;
  }

  /** Forgets an org's cached rules, so the next observation re-reads them (after a rule change). */
  public synchronized void rulesChanged(String orgId) {
    cache.remove(orgId);
  }

  private List<IncidentRule> rulesOf(String orgId) {
    Instant now = clock.now();
    CachedRules c = cache.get(orgId);
    if (c == null || !now.isBefore(c.readAt().plus(rulesTtl))) {
      c = new CachedRules(rules.list(orgId, true), now);
      cache.put(orgId, c);
    }
    return c.rules();
  }

  private IncidentTrigger evaluate(IncidentRule r, RequestObservation o) {
    RuleWindow w =
        windows.computeIfAbsent(
            r.orgId() + "|" + r.id() + "|" + o.agentId(), k -> new RuleWindow());
    w.add(o, o.at().minus(Duration.ofMinutes(r.windowMinutes())));
    Details d =
        new Details()
            .put("ruleId", r.id())
            .put("threshold", r.threshold())
            .put("windowMinutes", (long) r.windowMinutes())
            .put("requestId", o.requestId())
            .put("sessionId", o.sessionId())
            .put("model", o.model());
    String title;
    switch (r.type()) {
      case LATENCY -> {
        double p95 = w.p95Latency();
        if (o.latencyMs() == null || p95 <= r.threshold()) {
          return null;
        }
        d.put("p95LatencyMs", p95).put("requests", (long) w.size());
        title = "Latency p95 " + Math.round(p95) + " ms over " + Math.round(r.threshold()) + " ms";
      }
      case ERRORS -> {
        long errors = w.errors();
        if (!o.error() || errors < r.threshold()) {
          return null;
        }
        d.put("errors", errors);
        title = errors + " errors within " + r.windowMinutes() + " min";
      }
      case RISK -> {
        if (o.riskScore() == null || o.riskScore() < r.threshold()) {
          return null;
        }
        d.put("riskScore", o.riskScore());
        title = "Risk score " + Math.round(o.riskScore()) + " at or over " + r.threshold();
      }
      case COST_SPIKE -> {
        double cost = w.cost();
        if (o.costUsd() <= 0 || cost <= r.threshold()) {
          return null;
        }
        d.put("costUsd", cost);
        title = "Cost $" + String.format("%.2f", cost) + " within " + r.windowMinutes() + " min";
      }
      default -> {
        return null;
      }
    }
    return new IncidentTrigger(
        r.orgId(),
        o.agentId(),
        r.id(),
        r.type(),
        IncidentTrigger.key(r.type(), r.id(), o.agentId()),
        title + " (" + o.agentId() + ")",
        r.severity(),
        o.at(),
        o.requestId(),
        d.text());
  }
}
