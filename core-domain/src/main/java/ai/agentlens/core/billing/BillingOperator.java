package ai.agentlens.core.billing;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import java.util.Map;

/**
 * The operator's Enterprise switch ("contact us": no checkout): sets an org to Enterprise with its
 * agreed event retention, or back to Free. Not reachable by org members (a launcher's operator
 * command calls it); every change is audited with the operator's name as actor (type {@code
 * system}); the provider never changes an Enterprise org's plan afterwards.
 */
public final class BillingOperator {

  private final AccountPorts ports;
  private final BillingNotices notices;
  private final BillingSync sync;

  /**
   * Creates the use case.
   *
   * @param ports the account ports
   * @param audit the audit trail
   * @param cache the per-org billing cache (dropped for the org on a change)
   */
  public BillingOperator(AccountPorts ports, AuditTrail audit, BillingCache cache) {
    this.ports = ports;
    this.notices = new BillingNotices(ports, audit);
    this.sync = new BillingSync(ports, ports.stores().billing(), notices, cache);
  }

  /**
   * Sets an org to Enterprise (or back to Free) and, for Enterprise, optionally its event
   * retention. Idempotent: asking for the plan the org already has changes nothing and audits
   * nothing.
   *
   * @param orgId the org
   * @param enterprise {@code true} for Enterprise, {@code false} for Free
   * @param retentionDays Enterprise only: the org's event retention in days, 1 up to the Enterprise
   *     tier's {@link ai.agentlens.core.plan.Tier#retentionDays()}; {@code null} keeps it
   * @param operator who did it (recorded as the audit actor)
   * @return the org as it is now
   * @throws NotFoundException when the org does not exist
   * @throws IllegalArgumentException naming {@code retentionDays} when it is out of range or given
   *     for Free
   */
  public Org setEnterprise(
      String orgId, boolean enterprise, Integer retentionDays, String operator) {
    Org org = ports.stores().orgs().find(orgId).orElseThrow(() -> new NotFoundException("no org"));
    int max = Tiers.of(Plan.ENTERPRISE).retentionDays();
    if (retentionDays != null && (!enterprise || retentionDays < 1 || retentionDays > max)) {
      throw new IllegalArgumentException(
          "retentionDays: must be 1.."
              + max
              + " (the Enterprise tier's maximum) and is only set with Enterprise");
    }
    Plan target = enterprise ? Plan.ENTERPRISE : Plan.FREE;
    if (org.plan() != target) {
      sync.forcePlan(orgId, org.plan(), target, operator, "operator");
    }
    OrgSettings s = org.settings();
    if (retentionDays != null && retentionDays != s.retentionDays()) {
      ports
          .stores()
          .orgs()
          .updateSettings(
              orgId, new OrgSettings(retentionDays, s.redactionRules(), s.promptMasking()));
      if (ports.orgDirectory() != null) {
        ports.orgDirectory().invalidate(orgId);
      }
      notices.operator(
          orgId,
          operator,
          "billing.enterprise_retention",
          Map.of("from", Integer.toString(s.retentionDays()), "to", retentionDays.toString()));
    }
    return ports.stores().orgs().find(orgId).orElseThrow(() -> new NotFoundException("no org"));
  }
}
