package ai.agentlens.core.account;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.policy.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reading and exporting an org's audit log: Owner and Admin only (PC-17). Entries are never deleted
 * by the application, so retention is at least the 90 days PC-16 asks for.
 */
public final class AuditReader {

  /** Most entries one export returns. */
  public static final int MAX_EXPORT = 100_000;

  private static final int PAGE = 1000;

  private final AccountPorts ports;
  private final Access access;
  private final AuditTrail audit;

  /**
   * Creates the use case.
   *
   * @param ports the ports
   * @param access the permission gate
   * @param audit the audit trail
   */
  public AuditReader(AccountPorts ports, Access access, AuditTrail audit) {
    this.ports = ports;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Lists entries, newest first.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param before only entries before this time, or {@code null}
   * @param limit 1..1000
   * @return the entries
   */
  public List<AuditEntry> list(Caller caller, String orgId, Instant before, int limit) {
    access.require(caller, orgId, Permission.READ_AUDIT);
    if (limit < 1 || limit > PAGE) {
      throw AccountException.invalid("limit: 1..1000");
    }
    return ports.stores().audit().list(orgId, before, limit);
  }

  /**
   * Exports the entries of a time range, oldest first, and audits the export.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param from inclusive start
   * @param to exclusive end; after {@code from}
   * @return the entries
   */
  public List<AuditEntry> export(Caller caller, String orgId, Instant from, Instant to) {
    access.require(caller, orgId, Permission.READ_AUDIT);
    if (!from.isBefore(to)) {
      throw AccountException.invalid("from must be before to");
    }
    List<AuditEntry> out = new ArrayList<>();
    Instant before = to;
    while (out.size() < MAX_EXPORT) {
      List<AuditEntry> page = ports.stores().audit().list(orgId, before, PAGE);
      for (AuditEntry e : page) {
        if (e.occurredAt().isBefore(from)) {
          break;
        }
        out.add(e);
      }
      if (page.size() < PAGE || page.get(page.size() - 1).occurredAt().isBefore(from)) {
        break;
      }
      before = page.get(page.size() - 1).occurredAt();
    }
    Collections.reverse(out);
    audit.user(
        orgId,
        caller,
        "audit.export",
        "audit_log",
        orgId,
        AuditResult.SUCCESS,
        Map.of("from", from.toString(), "to", to.toString(), "entries", "" + out.size()));
    return out;
  }
}
