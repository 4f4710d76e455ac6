package ai.agentlens.core.ingest;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.ingest.IngestRefusedException.Reason;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tier;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.RateLimiter.Decision;
import ai.agentlens.core.port.RateLimiter.Take;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rate limits one ingest request is held to (FR-30, FR-31, agent limits): its key's, its org's
 * and each limited agent's, taken in one all-or-nothing {@link RateLimiter#acquireAll} call — on
 * app-cloud one Redis round trip per request, not one per bucket. A tool call to a tool the agent's
 * settings disable is refused before anything is taken.
 */
final class RequestRates {

  private final RateLimiter limiter;
  private final AgentRateLimits agentLimits;

  /**
   * Creates the check.
   *
   * @param limiter the rate limiter
   * @param agentLimits the agents' limits, or {@code null} for none
   */
  RequestRates(RateLimiter limiter, AgentRateLimits agentLimits) {
    this.limiter = limiter;
    this.agentLimits = agentLimits;
  }

  /**
   * Takes the request's permits from every bucket it is limited by, or from none.
   *
   * @param key the authenticated key
   * @param plan the org's plan
   * @param events the request's events
   * @return gives the permits back (e.g. when the quota refuses the request)
   * @throws IngestRefusedException RATE_LIMITED naming the first limit refused, BLOCKED for a
   *     disabled tool, OVERLOADED when the limiter is unreachable
   */
  Runnable take(ApiKeyPrincipal key, Plan plan, List<Event> events) {
    List<Take> takes = new ArrayList<>();
    List<Function<Decision, IngestRefusedException>> refusals = new ArrayList<>();
    try {
      addKeyAndOrg(key, plan, events.size(), takes, refusals);
      addAgents(key.orgId(), events, takes, refusals);
      if (takes.isEmpty()) {
        return () -> {};
      }
      RateLimiter.Outcome outcome = limiter.acquireAll(takes);
      if (!outcome.allowed()) {
        throw refusals.get(outcome.refused()).apply(outcome.decision());
      }
    } catch (IllegalStateException e) {
      // why: the limiter's store is unreachable; refusing beats an unlimited request
      throw new IngestRefusedException(Reason.OVERLOADED, "Rate limiter unavailable; retry", 2);
    }
    return () -> limiter.releaseAll(takes);
  }

  private static void addKeyAndOrg(
      ApiKeyPrincipal key,
      Plan plan,
      int n,
      List<Take> takes,
      List<Function<Decision, IngestRefusedException>> refusals) {
    Tier tier = Tiers.of(plan);
    if (!Tier.limited(tier.eventsPerMinute()) && key.rateLimitOverride() == null) {
      return;
    }
    int keyLimit = Tiers.keyRateLimit(plan, key.rateLimitOverride());
    takes.add(new Take(AcceptEvents.keyBucket(key.keyId()), n, keyLimit));
    refusals.add(d -> limited("API key", keyLimit, d));
    int orgLimit = tier.eventsPerMinute();
    if (Tier.limited(orgLimit)) {
      takes.add(new Take("org:" + key.orgId(), n, orgLimit));
      refusals.add(d -> limited("organization", orgLimit, d));
    }
  }

  private void addAgents(
      String orgId,
      List<Event> events,
      List<Take> takes,
      List<Function<Decision, IngestRefusedException>> refusals) {
    if (agentLimits == null) {
      return;
    }
    AgentRateLimits.View view = agentLimits.view(orgId);
    if (view.empty()) {
      return;
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (Event e : events) {
      DisabledTools.refuse(view, e);
      if (view.limit(e.agentId()) != null) {
        counts.merge(e.agentId(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      String agent = c.getKey();
      int limit = view.limit(agent);
      String source = view.fromSettings(agent) ? "the agent's settings" : "a rate_limit guardrail";
      takes.add(new Take(AgentRateLimits.bucket(orgId, agent), c.getValue(), limit));
      refusals.add(
          d ->
              new IngestRefusedException(
                  Reason.RATE_LIMITED,
                  "Rate limit of "
                      + limit
                      + " events per minute for agent "
                      + agent
                      + " exceeded (set by "
                      + source
                      + ")",
                  d.retryAfterSeconds()));
    }
  }

  private static IngestRefusedException limited(String scope, int limit, Decision d) {
    return new IngestRefusedException(
        Reason.RATE_LIMITED,
        "Rate limit of " + limit + " events per minute per " + scope + " exceeded",
        d.retryAfterSeconds());
  }
}
