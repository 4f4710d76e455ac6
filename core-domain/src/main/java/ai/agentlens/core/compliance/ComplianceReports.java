package ai.agentlens.core.compliance;

import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.compliance.ComplianceReport.AgentGuardrails;
import ai.agentlens.core.compliance.ComplianceReport.Member;
import ai.agentlens.core.compliance.ComplianceReport.Protection;
import ai.agentlens.core.compliance.ComplianceReport.Retention;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.session.Agent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assembles an org's compliance report from the stores, and keeps each one for {@link #CACHE_TTL}
 * per (org, period length): a request within that time gets the same report, same {@code
 * generatedAt}; after it, a fresh one. The cache is per process (each cloud instance has its own);
 * the report is read-only, so instances may differ by at most the TTL. Thread-safe.
 */
public final class ComplianceReports {

  /** The report's shape version; a change of shape changes it. */
  public static final String SCHEMA_VERSION = "1.0";

  /** What an agent's guardrail status says while guardrails do not exist. */
  public static final String GUARDRAILS_NOT_AVAILABLE = "not available";

  /** How long a report is reused. */
  public static final Duration CACHE_TTL = Duration.ofMinutes(5);

  /** Default period, in days. */
  public static final int DEFAULT_DAYS = 30;

  /** Longest period, in days. */
  public static final int MAX_DAYS = 365;

  /** Default number of sessions whose chains one report verifies. */
  public static final int DEFAULT_CHAIN_LIMIT = 200;

  /** Default number of audit entries one report counts. */
  public static final int DEFAULT_AUDIT_LIMIT = 10_000;

  /** Controls the report states are missing, plainly. */
  static final List<String> NOT_AVAILABLE =
      List.of(
          "guardrails: no guardrail rules exist yet, so none is attached to any agent",
          "retention purge: events older than the retention are not deleted automatically yet",
          "field-level encryption: payloads are stored as sent after masking and redaction");

  private record Key(String orgId, int days) {}

  private final Stores stores;
  private final SessionTimeline timeline;
  private final Clock clock;
  private final int chainLimit;
  private final int auditLimit;
  private final Map<Key, ComplianceReport> cache = new ConcurrentHashMap<>();

  /**
   * Creates the use case with the default bounds.
   *
   * @param stores the stores
   * @param clock now
   */
  public ComplianceReports(Stores stores, Clock clock) {
    this(stores, clock, DEFAULT_CHAIN_LIMIT, DEFAULT_AUDIT_LIMIT);
  }

  /**
   * Creates the use case.
   *
   * @param stores the stores
   * @param clock now
   * @param chainLimit most sessions verified per report, &ge; 1
   * @param auditLimit most audit entries counted per report, &ge; 1
   */
  public ComplianceReports(Stores stores, Clock clock, int chainLimit, int auditLimit) {
    if (chainLimit < 1 || auditLimit < 1) {
      throw new IllegalArgumentException("limits must be >= 1");
    }
    this.stores = stores;
    this.timeline = new SessionTimeline(stores.events());
    this.clock = clock;
    this.chainLimit = chainLimit;
    this.auditLimit = auditLimit;
  }

  /**
   * Returns the org's report over the last {@code days} days, cached for {@link #CACHE_TTL}.
   *
   * @param orgId the org
   * @param days 1..{@value #MAX_DAYS}
   * @return the report, or empty when the org does not exist
   * @throws IllegalArgumentException when {@code days} is out of range
   */
  public Optional<ComplianceReport> report(String orgId, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be 1.." + MAX_DAYS);
    }
    Instant now = clock.now();
    Key key = new Key(orgId, days);
    ComplianceReport cached = cache.get(key);
    if (cached != null && now.isBefore(cached.generatedAt().plus(CACHE_TTL))) {
      return Optional.of(cached);
    }
    Optional<ComplianceReport> fresh = stores.orgs().find(orgId).map(o -> assemble(o, days, now));
    fresh.ifPresent(r -> cache.put(key, r));
    if (cache.size() > 10_000) {
      cache.values().removeIf(r -> !now.isBefore(r.generatedAt().plus(CACHE_TTL)));
    }
    return fresh;
  }

  private ComplianceReport assemble(Org org, int days, Instant now) {
    String orgId = org.id();
    Instant from = now.minus(Duration.ofDays(days));
    int cap = Tiers.of(org.plan()).retentionDays();
    int own = org.settings().retentionDays();
    return new ComplianceReport(
        SCHEMA_VERSION,
        orgId,
        org.name(),
        org.plan().wireName(),
        now,
        from,
        now,
        days,
        new Retention(own, cap, Math.min(own, cap), false),
        new Protection(
            org.settings().promptMasking(), org.settings().redactionRules(), NOT_AVAILABLE),
        ComplianceEvidence.chains(stores.sessions(), timeline, orgId, from, now, chainLimit),
        ComplianceEvidence.audit(stores.audit(), orgId, from, now, auditLimit),
        ComplianceEvidence.keys(stores.apiKeys().list(orgId), now),
        members(orgId),
        agents(orgId));
  }

  private List<Member> members(String orgId) {
    return stores.memberships().listByOrg(orgId).stream()
        .map(this::member)
        .sorted(
            Comparator.comparing((Member m) -> roleRank(m.role()))
                .thenComparing(m -> m.email() == null ? "" : m.email())
                .thenComparing(Member::userId))
        .toList();
  }

  private Member member(Membership m) {
    String email = stores.users().find(m.userId()).map(User::email).orElse(null);
    return new Member(m.userId(), email, m.role().wireName(), m.createdAt());
  }

  private static int roleRank(String role) {
    return List.of("owner", "admin", "member", "viewer").indexOf(role);
  }

  private List<AgentGuardrails> agents(String orgId) {
    return stores.agents().list(orgId).stream()
        .sorted(Comparator.comparing(Agent::id))
        .map(a -> new AgentGuardrails(a.id(), a.name(), 0, GUARDRAILS_NOT_AVAILABLE))
        .toList();
  }
}
