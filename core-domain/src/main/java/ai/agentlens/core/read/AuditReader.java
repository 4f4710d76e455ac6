package ai.agentlens.core.read;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.policy.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reading and exporting an org's audit log, for the API and the dashboard alike: Owner and Admin
 * only (PC-17). Filters go to the store's query ({@link
 * ai.agentlens.core.port.storage.AuditLog#query}), never applied after loading. Entries are never
 * deleted by the application, so retention is at least the 90 days PC-16 asks for.
 *
 * <p>Errors: {@link AccountException} (FORBIDDEN for other roles, INVALID for a bad range); storage
 * errors pass through.
 */
public final class AuditReader {

  /** Most entries one export returns. */
  public static final int MAX_EXPORT = 100_000;

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
   * Reads one page of matching entries, newest first.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param query filters, cursor and page size
   * @return the entries
   */
  public List<AuditEntry> list(Caller caller, String orgId, AuditQuery query) {
    access.require(caller, orgId, Permission.READ_AUDIT);
    return ports.stores().audit().query(orgId, query);
  }

  /**
   * Exports the entries of a time range, oldest first, and audits the export.
   *
   * @param caller an Owner or Admin
   * @param orgId the org
   * @param from inclusive start
   * @param to exclusive end; after {@code from}
   * @return the entries, at most {@link #MAX_EXPORT} (the newest ones when more match)
   */
  public List<AuditEntry> export(Caller caller, String orgId, Instant from, Instant to) {
    access.require(caller, orgId, Permission.READ_AUDIT);
    if (!from.isBefore(to)) {
      throw AccountException.invalid("from must be before to");
    }
    List<AuditEntry> out = new ArrayList<>();
    AuditQuery page = AuditQuery.newest(AuditQuery.MAX_LIMIT).between(from, to);
    List<AuditEntry> read;
    do {
      read = ports.stores().audit().query(orgId, page);
      out.addAll(read.subList(0, Math.min(read.size(), MAX_EXPORT - out.size())));
      if (!read.isEmpty()) {
        page = page.after(read.get(read.size() - 1));
      }
    } while (read.size() == AuditQuery.MAX_LIMIT && out.size() < MAX_EXPORT);
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
