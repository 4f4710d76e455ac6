package ai.agentlens.core.billing;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.port.Mailer;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Billing's side effects on people: audit entries (actor {@code system} for provider-driven
 * changes) and mails to an org's Owners. A mail that cannot be handed over is logged, never fatal:
 * the state change it announces has already happened.
 */
final class BillingNotices {

  private final AccountPorts ports;
  private final AuditTrail audit;

  BillingNotices(AccountPorts ports, AuditTrail audit) {
    this.ports = ports;
    this.audit = audit;
  }

  void audit(String orgId, String actorId, String action, Map<String, String> details) {
    audit.append(
        orgId,
        actorId == null ? ActorType.SYSTEM : ActorType.USER,
        actorId == null ? "billing" : actorId,
        action,
        "billing",
        orgId,
        null,
        AuditResult.SUCCESS,
        details);
  }

  /** Audits an operator's action (actor type {@code system}, actor id the operator's name). */
  void operator(String orgId, String operator, String action, Map<String, String> details) {
    audit.append(
        orgId,
        ActorType.SYSTEM,
        operator,
        action,
        "billing",
        orgId,
        null,
        AuditResult.SUCCESS,
        details);
  }

  void mailOwners(String orgId, String subject, String body) {
    if (ports.mailer() == null) {
      return;
    }
    for (Membership m : ports.stores().memberships().listByOrg(orgId)) {
      if (m.role() != Role.OWNER) {
        continue;
      }
      ports
          .stores()
          .users()
          .find(m.userId())
          .ifPresent(
              u -> {
                try {
                  ports.mailer().send(new Mailer.Message(u.email(), subject, body));
                } catch (Mailer.MailException e) {
                  log().warn("billing mail to an owner of {} failed: {}", orgId, e.getMessage());
                }
              });
    }
  }

  private static Logger log() {
    return org.slf4j.LoggerFactory.getLogger(BillingNotices.class);
  }
}
