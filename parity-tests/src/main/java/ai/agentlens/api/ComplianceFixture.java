package ai.agentlens.api;

import static ai.agentlens.api.SdkRequests.batch;
import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Team org with known compliance facts, relative to the launcher's (mutable test) clock:
 *
 * <pre>
 * settings   retention 60 days, redaction rule "\bssn\b", prompt masking on
 * events     agent support-bot ("Support Bot"): sessions c-1 (2 h ago) and c-2 (1 day ago), each
 *            session_started, tool_call search, llm_call + llm_response openai/gpt-4o, session_ended
 * keys       the live key (now), "old" created 40 days ago and never used, "gone" revoked
 * audit      api_key.create ×2, member.role_change ×1, between 3 and 1 days ago
 * members    owner@… (owner), admin@… (admin); the admin has a dashboard session
 * </pre>
 *
 * @param tenant the org and its live key
 * @param sessionCookie the admin's {@code al_session} cookie value
 * @param ownerEmail the owner's address
 * @param adminEmail the admin's address
 */
public record ComplianceFixture(
    Tenant tenant, String sessionCookie, String ownerEmail, String adminEmail) {

  /** Events ingested. */
  public static final int EVENTS = 10;

  /**
   * Loads the fixture.
   *
   * @param tenants where to create the org
   * @param api the launcher's API
   * @param stack the launcher
   * @return the fixture
   * @throws InterruptedException when interrupted while waiting for the events
   */
  public static ComplianceFixture load(Tenants tenants, Api api, TestStack stack)
      throws InterruptedException {
    Tenant t = tenants.create(Plan.TEAM, null);
    Instant now = TestClock.current().truncatedTo(ChronoUnit.SECONDS);
    stack
        .bean(OrgStore.class)
        .updateSettings(t.orgId(), new OrgSettings(60, List.of("\\bssn\\b"), true));
    List<String> e = new ArrayList<>();
    session(e, "c-1", now.minus(Duration.ofHours(2)));
    session(e, "c-2", now.minus(Duration.ofDays(1)));
    Api.Reply r = api.post("/api/events", t.key(), batch(e.toArray(String[]::new)));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    api.awaitStoredEvents(t.key(), EVENTS, Duration.ofSeconds(10));
    key(stack, t.orgId(), "old", now.minus(Duration.ofDays(40)), null);
    key(stack, t.orgId(), "gone", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
    AuditLog audit = stack.bean(AuditLog.class);
    audit(audit, t.orgId(), "api_key.create", now.minus(Duration.ofDays(3)));
    audit(audit, t.orgId(), "api_key.create", now.minus(Duration.ofDays(2)));
    audit(audit, t.orgId(), "member.role_change", now.minus(Duration.ofDays(1)));
    String owner = member(stack, t.orgId(), "owner", Role.OWNER, now);
    String adminId = "usr_" + UUID.randomUUID().toString().replace("-", "");
    String admin = adminId + "@example.com";
    stack.bean(UserStore.class).create(new User(adminId, admin, "Admin", null, null, true, now));
    stack.bean(MembershipStore.class).add(new Membership(t.orgId(), adminId, Role.ADMIN, now));
    String cookie = stack.bean(LoginSessions.class).start(adminId).cookieValue();
    return new ComplianceFixture(t, cookie, owner, admin);
  }

  private static void session(List<String> out, String id, Instant start) {
    out.add(ev(id, "session_started", start, "{\"agentName\":\"Support Bot\"}"));
    out.add(
        ev(
            id,
            "tool_call",
            start.plusSeconds(1),
            "{\"toolName\":\"search\",\"callId\":\"t-" + id + "\",\"arguments\":{\"q\":\"x\"}}"));
    out.add(
        ev(
            id,
            "llm_call",
            start.plusSeconds(2),
            "{\"callId\":\"l-"
                + id
                + "\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    out.add(
        ev(
            id,
            "llm_response",
            start.plusSeconds(3),
            "{\"callId\":\"l-"
                + id
                + "\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"completion\":\"ok\","
                + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":3,\"outputTokens\":2,"
                + "\"totalTokens\":5},\"costUsd\":0.001,\"latencyMs\":100}"));
    out.add(ev(id, "session_ended", start.plusSeconds(4), "{\"reason\":\"completed\"}"));
  }

  private static String ev(String session, String type, Instant at, String payload) {
    return "{\"sessionId\":\""
        + session
        + "\",\"agentId\":\"support-bot\",\"eventType\":\""
        + type
        + "\",\"timestamp\":\""
        + at
        + "\",\"payload\":"
        + payload
        + "}";
  }

  private static void key(TestStack stack, String orgId, String name, Instant at, Instant revoked) {
    String key = ApiKeys.generate(KeyEnvironment.LIVE);
    stack
        .bean(ApiKeyStore.class)
        .create(
            new ApiKey(
                "key_" + name + "_" + UUID.randomUUID().toString().substring(0, 8),
                orgId,
                ApiKeys.prefix(key),
                stack.bean(SecretHasher.class).hash(key),
                KeyEnvironment.LIVE,
                name,
                List.of("ingest", "query"),
                "test",
                at,
                null,
                revoked,
                null));
  }

  private static void audit(AuditLog log, String orgId, String action, Instant at) {
    log.append(
        new AuditEntry(
            "aud_" + UUID.randomUUID().toString().replace("-", ""),
            orgId,
            at,
            ActorType.SYSTEM,
            "test",
            action,
            null,
            null,
            null,
            AuditResult.SUCCESS,
            "{}"));
  }

  private static String member(TestStack stack, String orgId, String who, Role role, Instant at) {
    String id = "usr_" + UUID.randomUUID().toString().replace("-", "");
    String email = who + "-" + id.substring(4, 12) + "@example.com";
    stack.bean(UserStore.class).create(new User(id, email, who, null, null, true, at));
    stack.bean(MembershipStore.class).add(new Membership(orgId, id, role, at));
    return email;
  }
}
