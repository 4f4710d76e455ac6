package ai.agentlens.core.compliance;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.compliance.ComplianceReport.AuditCoverage;
import ai.agentlens.core.compliance.ComplianceReport.BrokenChain;
import ai.agentlens.core.compliance.ComplianceReport.ChainSummary;
import ai.agentlens.core.compliance.ComplianceReport.KeyHygiene;
import ai.agentlens.core.event.ChainVerification;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.read.Timeline;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The evidence parts of a compliance report, each bounded in the work it does. Thread-safe. */
final class ComplianceEvidence {

  /** A key not used for this long (or never, since creation) is flagged. */
  static final Duration UNUSED_AFTER = Duration.ofDays(30);

  private static final int PAGE = 500;

  private ComplianceEvidence() {}

  /**
   * Verifies the whole chain of the sessions started in [from, to), most recent first, up to {@code
   * limit} sessions.
   */
  static ChainSummary chains(
      SessionStore sessions,
      SessionTimeline timeline,
      String orgId,
      Instant from,
      Instant to,
      int limit) {
    SessionQuery all = new SessionQuery(null, Set.of(), from, to, List.of(), null, PAGE, 0);
    long inPeriod = sessions.count(orgId, all);
    int valid = 0;
    List<BrokenChain> broken = new ArrayList<>();
    int checked = 0;
    for (int offset = 0; checked < limit; offset += PAGE) {
      List<Session> page =
          sessions.list(
              orgId, new SessionQuery(null, Set.of(), from, to, List.of(), null, PAGE, offset));
      for (Session s : page) {
        if (checked == limit) {
          break;
        }
        Optional<Timeline> t = timeline.read(orgId, s.id(), 0, 1);
        checked++;
        ChainVerification v = t.map(Timeline::chain).orElse(ChainVerification.VALID);
        if (v.valid()) {
          valid++;
        } else {
          broken.add(new BrokenChain(s.id(), v.failedAtIndex(), v.reason()));
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return new ChainSummary(
        inPeriod, checked, valid, broken.size(), broken, checked < inPeriod, limit);
  }

  /** Counts audit entries in [from, to) by action, newest first, up to {@code limit} entries. */
  static AuditCoverage audit(AuditLog log, String orgId, Instant from, Instant to, int limit) {
    Map<String, Long> byAction = new HashMap<>();
    long entries = 0;
    Instant first = null;
    Instant last = null;
    AuditQuery q = AuditQuery.newest(AuditQuery.MAX_LIMIT).between(from, to);
    boolean truncated = false;
    while (true) {
      List<AuditEntry> page = log.query(orgId, q);
      for (AuditEntry e : page) {
        if (entries == limit) {
          truncated = true;
          break;
        }
        entries++;
        if (last == null) {
          last = e.occurredAt();
        }
        first = e.occurredAt();
        byAction.merge(e.action(), 1L, Long::sum);
      }
      if (truncated || page.size() < AuditQuery.MAX_LIMIT) {
        break;
      }
      q = q.after(page.get(page.size() - 1));
    }
    return new AuditCoverage(entries, first, last, byAction, truncated);
  }

  /** Each key's age, last use and the 30-day unused flag, newest first. */
  static List<KeyHygiene> keys(List<ApiKey> keys, Instant now) {
    return keys.stream()
        .sorted(Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id))
        .map(k -> hygiene(k, now))
        .toList();
  }

  private static KeyHygiene hygiene(ApiKey k, Instant now) {
    Instant lastActivity = k.lastUsedAt() != null ? k.lastUsedAt() : k.createdAt();
    boolean unused =
        !k.revoked() && Duration.between(lastActivity, now).compareTo(UNUSED_AFTER) >= 0;
    return new KeyHygiene(
        k.id(),
        k.prefix(),
        k.name(),
        k.environment().name().toLowerCase(java.util.Locale.ROOT),
        k.createdAt(),
        Math.max(0, Duration.between(k.createdAt(), now).toDays()),
        k.lastUsedAt(),
        unused,
        k.revoked(),
        k.revokedAt());
  }
}
