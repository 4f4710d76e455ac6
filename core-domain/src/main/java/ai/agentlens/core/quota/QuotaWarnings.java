package ai.agentlens.core.quota;

import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.quota.QuotaWarningLog;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.UserStore;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The quota warning mail (FR-58, AC-13): when an org reaches 80 % of its monthly quota, its Owners
 * and Admins get one e-mail per period. The period is claimed in the {@link QuotaWarningLog} first,
 * so a restart, a second instance or a repeated call never sends it again. Thread-safe.
 */
public final class QuotaWarnings {

  private static final System.Logger LOG = System.getLogger(QuotaWarnings.class.getName());

  private final QuotaWarningLog log;
  private final OrgStore orgs;
  private final MembershipStore memberships;
  private final UserStore users;
  private final Mailer mailer;
  private final Clock clock;
  private final Supplier<String> baseUrl;

  /**
   * Creates the use case.
   *
   * @param log the periods already warned
   * @param orgs orgs, for the name
   * @param memberships who to tell
   * @param users their addresses
   * @param mailer sends the mail
   * @param clock now
   * @param baseUrl the dashboard's public URL, for the link
   */
  public QuotaWarnings(
      QuotaWarningLog log,
      OrgStore orgs,
      MembershipStore memberships,
      UserStore users,
      Mailer mailer,
      Clock clock,
      Supplier<String> baseUrl) {
    this.log = log;
    this.orgs = orgs;
    this.memberships = memberships;
    this.users = users;
    this.mailer = mailer;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /**
   * Sends the period's warning unless it was sent before. Failures are logged, never thrown: the
   * caller is the ingest path's background executor.
   *
   * @param orgId the org
   * @param plan its plan
   * @param month the period
   * @param used events counted so far
   * @param quota the period's quota
   * @return the number of mails sent (0 when the period was already claimed)
   */
  public int warn(String orgId, Plan plan, YearMonth month, long used, long quota) {
    try {
      if (!log.claim(orgId, month.toString(), clock.now())) {
        return 0;
      }
      String name = orgs.find(orgId).map(o -> o.name()).orElse(orgId);
      String subject =
          String.format(
              Locale.ROOT,
              "AgentLens: %s has used %d %% of its monthly event quota",
              name,
              used * 100 / quota);
      String body =
          String.format(
              Locale.ROOT,
              "%s has stored %,d of the %,d events its %s plan includes for %s.%n%n%s%n%n"
                  + "See usage: %s/usage%nPlans and billing: %s/billing%n",
              name,
              used,
              quota,
              plan.wireName(),
              month,
              plan == Plan.FREE
                  ? "At 100 % events are refused until the next period; upgrade to keep"
                      + " ingesting."
                  : "Beyond the quota events are billed as overage, up to the overage cap.",
              baseUrl.get(),
              baseUrl.get());
      int sent = 0;
      for (Membership m : memberships.listByOrg(orgId)) {
        if (m.role() != Role.OWNER && m.role() != Role.ADMIN) {
          continue;
        }
        var user = users.find(m.userId());
        if (user.isPresent()) {
          mailer.send(new Mailer.Message(user.get().email(), subject, body));
          sent++;
        }
      }
      return sent;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "quota warning for org " + orgId + " failed", e);
      return 0;
    }
  }
}
