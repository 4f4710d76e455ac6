package ai.agentlens.core.quota;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.ingest.QuotaGate;
import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.quota.OverageCapStore;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Owner's overage cap (FR-61): read by members, set by the Owner only ({@link
 * Permission#MANAGE_BILLING}), as a multiple of the quota (1–100) or as a number of events not
 * below the quota; plans without overage have no cap to set (402). Each change goes to the audit
 * log and takes effect on this instance at once, on others within {@link QuotaGate#REFRESH_NANOS}.
 */
public final class OverageCaps {

  /** The largest multiplier an Owner may set. */
  public static final int MAX_MULTIPLIER = 100;

  private final OverageCapStore store;
  private final OrgStore orgs;
  private final Access access;
  private final AuditTrail audit;
  private final QuotaGate gate;
  private final Clock clock;

  /**
   * Creates the use case.
   *
   * @param store the caps
   * @param orgs orgs, for their plan
   * @param access the permission gate
   * @param audit the audit trail
   * @param gate the quota gate whose cache is refreshed after a change
   * @param clock now
   */
  public OverageCaps(
      OverageCapStore store,
      OrgStore orgs,
      Access access,
      AuditTrail audit,
      QuotaGate gate,
      Clock clock) {
    this.store = store;
    this.orgs = orgs;
    this.access = access;
    this.audit = audit;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * Reads an org's cap (the default when never set).
   *
   * @param orgId the org
   * @return the cap
   */
  public OverageCap current(String orgId) {
    return store.find(orgId).orElse(OverageCap.DEFAULT);
  }

  /**
   * Sets an org's cap.
   *
   * @param caller the Owner
   * @param orgId the org
   * @param multiplier the cap as a multiple of the quota, or {@code null}
   * @param events the cap in events, or {@code null}
   * @return the cap stored
   * @throws AccountException INVALID naming the field, FORBIDDEN for a non-Owner, NOT_FOUND for
   *     another org, LIMIT for a plan without overage
   */
  public OverageCap set(Caller caller, String orgId, Integer multiplier, Long events) {
    access.require(caller, orgId, Permission.MANAGE_BILLING);
    Org org = orgs.find(orgId).orElseThrow(() -> AccountException.notFound("Org not found"));
    if (!Tiers.of(org.plan()).overage()) {
      throw AccountException.limit(
          "The "
              + org.plan().wireName()
              + " plan has no overage, so there is no cap to set; the pro plan unlocks it");
    }
    if (multiplier == null && events == null) {
      throw AccountException.invalid("multiplier or events: one of them is required");
    }
    if (multiplier != null && events != null) {
      throw AccountException.invalid("multiplier and events: give only one of them");
    }
    long quota = gate.settings().quota(org.plan());
    if (multiplier != null && (multiplier < 1 || multiplier > MAX_MULTIPLIER)) {
      throw AccountException.invalid("multiplier: a whole number from 1 to " + MAX_MULTIPLIER);
    }
    if (events != null && (events < quota || events > quota * MAX_MULTIPLIER)) {
      throw AccountException.invalid(
          "events: from the quota (" + quota + ") to " + MAX_MULTIPLIER + " times it");
    }
    OverageCap cap = new OverageCap(multiplier, events);
    store.set(orgId, cap, clock.now());
    gate.invalidate(orgId);
    Map<String, String> details = new LinkedHashMap<>();
    details.put(
        multiplier != null ? "multiplier" : "events",
        String.valueOf(multiplier != null ? multiplier : events));
    details.put("capEvents", Long.toString(gate.settings().cap(org.plan(), cap)));
    audit.user(
        orgId, caller, "billing.overage_cap_change", "org", orgId, AuditResult.SUCCESS, details);
    return cap;
  }
}
