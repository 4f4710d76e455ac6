package ai.agentlens.core.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An org's compliance report: the controls in force and the evidence over a period. Every list is
 * in a stable order so two reports of the same state are equal.
 *
 * @param schemaVersion the report's shape version ({@value ComplianceReports#SCHEMA_VERSION})
 * @param orgId the org
 * @param orgName its name
 * @param plan its plan's wire name
 * @param generatedAt when the report was assembled (a cached report keeps its time)
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive (= generatedAt)
 * @param days the period's length in days
 * @param retention data retention in force
 * @param protection masking and redaction settings
 * @param chain hash-chain verification over the period's sessions
 * @param audit audit log coverage over the period
 * @param keys API keys, newest first
 * @param members members, by role then e-mail
 * @param agents observed agents and their guardrails, by id
 */
public record ComplianceReport(
    String schemaVersion,
    String orgId,
    String orgName,
    String plan,
    Instant generatedAt,
    Instant from,
    Instant to,
    int days,
    Retention retention,
    Protection protection,
    ChainSummary chain,
    AuditCoverage audit,
    List<KeyHygiene> keys,
    List<Member> members,
    List<AgentGuardrails> agents) {

  /** Copies the lists. */
  public ComplianceReport {
    keys = List.copyOf(keys);
    members = List.copyOf(members);
    agents = List.copyOf(agents);
  }

  /**
   * Data retention in force.
   *
   * @param orgDays the org's setting
   * @param planCapDays the plan's retention (tier table)
   * @param effectiveDays the smaller of the two
   * @param purgeEnforced whether a job deletes events older than the retention (not yet: false)
   */
  public record Retention(int orgDays, int planCapDays, int effectiveDays, boolean purgeEnforced) {}

  /**
   * Masking and redaction settings, applied by the worker before events are stored and hashed.
   *
   * @param promptMasking whether prompt and completion texts are masked
   * @param redactionRules the org's redaction patterns, in order
   * @param notAvailable controls this product does not have, said plainly
   */
  public record Protection(
      boolean promptMasking, List<String> redactionRules, List<String> notAvailable) {
    /** Copies the lists. */
    public Protection {
      redactionRules = List.copyOf(redactionRules);
      notAvailable = List.copyOf(notAvailable);
    }
  }

  /**
   * Hash-chain verification of the sessions started in the period, most recent first.
   *
   * @param sessionsInPeriod sessions started in the period
   * @param checked sessions whose whole chain was verified
   * @param valid of those, chains that verified
   * @param broken of those, chains that did not
   * @param brokenSessions the broken ones: id, index of the first bad event, reason
   * @param truncated whether sessions were left unchecked (more than the limit)
   * @param limit the most sessions one report checks
   */
  public record ChainSummary(
      long sessionsInPeriod,
      int checked,
      int valid,
      int broken,
      List<BrokenChain> brokenSessions,
      boolean truncated,
      int limit) {
    /** Copies the list. */
    public ChainSummary {
      brokenSessions = List.copyOf(brokenSessions);
    }
  }

  /**
   * One session whose chain did not verify.
   *
   * @param sessionId the session
   * @param failedAtIndex 0-based index of the first bad event
   * @param reason why
   */
  public record BrokenChain(String sessionId, int failedAtIndex, String reason) {}

  /**
   * Audit log entries in the period.
   *
   * @param entries entries counted
   * @param first the oldest counted entry's time, or {@code null} when none
   * @param last the newest entry's time, or {@code null} when none
   * @param byAction entries per action, sorted by action
   * @param truncated whether the count stopped at the limit
   */
  public record AuditCoverage(
      long entries, Instant first, Instant last, Map<String, Long> byAction, boolean truncated) {
    /** Copies the map, keeping its order. */
    public AuditCoverage {
      byAction = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byAction));
    }
  }

  /**
   * One API key's hygiene.
   *
   * @param id the key id
   * @param prefix its visible prefix
   * @param name its label
   * @param environment {@code live} or {@code test}
   * @param createdAt creation time
   * @param ageDays whole days since creation
   * @param lastUsedAt last use, or {@code null} when never used
   * @param unused30Days active and not used for 30 days or more (never used counts from creation)
   * @param revoked whether revoked
   * @param revokedAt when, or {@code null}
   */
  public record KeyHygiene(
      String id,
      String prefix,
      String name,
      String environment,
      Instant createdAt,
      long ageDays,
      Instant lastUsedAt,
      boolean unused30Days,
      boolean revoked,
      Instant revokedAt) {}

  /**
   * One member.
   *
   * @param userId the user
   * @param email their address, or {@code null} when the user is gone
   * @param role their role's wire name
   * @param since when they joined
   */
  public record Member(String userId, String email, String role, Instant since) {}

  /**
   * One observed agent's guardrail coverage. Guardrails do not exist in this product yet: every
   * agent has zero rules and the status says so rather than inventing data.
   *
   * @param agentId the agent
   * @param name its name
   * @param rules guardrail rules attached (0)
   * @param guardrails {@value ComplianceReports#GUARDRAILS_NOT_AVAILABLE}
   */
  public record AgentGuardrails(String agentId, String name, int rules, String guardrails) {}
}
