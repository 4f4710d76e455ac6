package ai.agentlens.web.account;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.org.MemberAdmin;
import ai.agentlens.core.org.OrgAdmin;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the management API. Times are RFC 3339 strings in UTC; absent values are
 * explicit {@code null}s and empty lists stay {@code []}, so clients see a stable shape.
 */
final class Views {

  private Views() {}

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record UserView(
      String id,
      String email,
      String displayName,
      String avatarUrl,
      boolean verified,
      String createdAt) {
    static UserView of(User u) {
      return new UserView(
          u.id(), u.email(), u.displayName(), u.avatarUrl(), u.verified(), time(u.createdAt()));
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SettingsView(int retentionDays, List<String> redactionRules, boolean promptMasking) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record OrgView(
      String id,
      String slug,
      String name,
      String plan,
      SettingsView settings,
      String createdAt,
      String role) {
    static OrgView of(Org o, String role) {
      return new OrgView(
          o.id(),
          o.slug(),
          o.name(),
          o.plan().wireName(),
          new SettingsView(
              o.settings().retentionDays(),
              o.settings().redactionRules(),
              o.settings().promptMasking()),
          time(o.createdAt()),
          role);
    }

    static OrgView of(OrgAdmin.MyOrg m) {
      return of(m.org(), m.role().wireName());
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MembershipView(String orgId, String userId, String role, String joinedAt) {
    static MembershipView of(Membership m) {
      return new MembershipView(m.orgId(), m.userId(), m.role().wireName(), time(m.createdAt()));
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MemberView(String userId, String email, String displayName, String role, String joinedAt) {
    static MemberView of(MemberAdmin.Member m) {
      return new MemberView(
          m.user().id(),
          m.user().email(),
          m.user().displayName(),
          m.membership().role().wireName(),
          time(m.membership().createdAt()));
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record InvitationView(
      String id,
      String orgId,
      String email,
      String role,
      String invitedBy,
      String createdAt,
      String expiresAt) {
    static InvitationView of(Invitation i) {
      return new InvitationView(
          i.id(),
          i.orgId(),
          i.email(),
          i.role().wireName(),
          i.invitedBy(),
          time(i.createdAt()),
          time(i.expiresAt()));
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record KeyView(
      String id,
      String orgId,
      String prefix,
      String name,
      String environment,
      List<String> scopes,
      String createdBy,
      String createdAt,
      String lastUsedAt,
      String revokedAt,
      Integer rateLimitOverride,
      String key) {
    static KeyView of(ApiKey k, String secret) {
      return new KeyView(
          k.id(),
          k.orgId(),
          k.prefix(),
          k.name(),
          k.environment().name().toLowerCase(java.util.Locale.ROOT),
          k.scopes(),
          k.createdBy(),
          time(k.createdAt()),
          time(k.lastUsedAt()),
          time(k.revokedAt()),
          k.rateLimitOverride(),
          secret);
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record AuditView(
      String id,
      String timestamp,
      String actorType,
      String actorId,
      String action,
      String targetType,
      String targetId,
      String ip,
      String result,
      String details) {
    static AuditView of(AuditEntry e) {
      return new AuditView(
          e.id(),
          time(e.occurredAt()),
          e.actorType().name().toLowerCase(java.util.Locale.ROOT),
          e.actorId(),
          e.action(),
          e.targetType(),
          e.targetId(),
          e.ip(),
          e.result().name().toLowerCase(java.util.Locale.ROOT),
          e.details());
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record OrgList(List<OrgView> orgs) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MemberList(List<MemberView> members) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record InvitationList(List<InvitationView> invitations) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record KeyList(List<KeyView> keys) {}
}
