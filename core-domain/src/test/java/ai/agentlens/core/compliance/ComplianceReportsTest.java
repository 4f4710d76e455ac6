package ai.agentlens.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.session.Agent;
import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionQuery;
import ai.agentlens.core.session.SessionStatus;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Report assembly over fake stores with known contents, and the five-minute cache. */
class ComplianceReportsTest {

  private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Map<String, List<Event>> timelines = new HashMap<>();
  private final List<Session> sessions = new ArrayList<>();
  private final List<ApiKey> keys = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> methods) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, a) -> {
              Function<Object[], Object> f = methods.get(m.getName());
              if (f == null) {
                throw new UnsupportedOperationException(m.getName());
              }
              return f.apply(a);
            });
  }

  private Stores stores() {
    Org org =
        new Org(
            "o1",
            "o1",
            "Acme",
            Plan.ENTERPRISE,
            new OrgSettings(400, List.of("ssn"), true),
            T0.minus(Duration.ofDays(100)));
    OrgStore orgs =
        fake(
            OrgStore.class,
            Map.of("find", a -> Optional.ofNullable("o1".equals(a[0]) ? org : null)));
    SessionStore ss =
        fake(
            SessionStore.class,
            Map.of(
                "count", a -> (long) sessions.size(),
                "list",
                    a -> {
                      SessionQuery q = (SessionQuery) a[1];
                      int from = Math.min(q.offset(), sessions.size());
                      return sessions.subList(from, Math.min(from + q.limit(), sessions.size()));
                    }));
    EventStore events =
        fake(
            EventStore.class,
            Map.of(
                "timeline",
                a ->
                    (long) a[2] == 0
                        ? timelines.getOrDefault((String) a[1], List.of())
                        : List.of()));
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      entries.add(
          new AuditEntry(
              "a" + i,
              "o1",
              T0.minus(Duration.ofHours(i + 1)),
              ActorType.SYSTEM,
              "x",
              i == 2 ? "member.add" : "api_key.create",
              null,
              null,
              null,
              AuditResult.SUCCESS,
              "{}"));
    }
    AuditLog audit =
        fake(
            AuditLog.class,
            Map.of(
                "query",
                a -> {
                  AuditQuery q = (AuditQuery) a[1];
                  return q.after() == null ? entries : List.of();
                }));
    ApiKeyStore apiKeys = fake(ApiKeyStore.class, Map.of("list", a -> List.copyOf(keys)));
    MembershipStore members =
        fake(
            MembershipStore.class,
            Map.of(
                "listByOrg",
                a ->
                    List.of(
                        new Membership("o1", "u-viewer", Role.VIEWER, T0),
                        new Membership("o1", "u-gone", Role.ADMIN, T0),
                        new Membership("o1", "u-owner", Role.OWNER, T0))));
    UserStore users =
        fake(
            UserStore.class,
            Map.of(
                "find",
                a ->
                    "u-gone".equals(a[0])
                        ? Optional.empty()
                        : Optional.of(
                            new User((String) a[0], a[0] + "@x.test", "n", null, null, true, T0))));
    AgentStore agents =
        fake(
            AgentStore.class,
            Map.of(
                "list",
                a ->
                    List.of(
                        new Agent("o1", "zeta", "Zeta", T0, T0, 1),
                        new Agent("o1", "alpha", "Alpha", T0, T0, 2))));
    return new Stores(
        orgs, users, members, null, apiKeys, events, ss, agents, null, audit, null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  private void session(String id, boolean broken) {
    sessions.add(
        new Session(
            "o1",
            id,
            "alpha",
            "Alpha",
            T0.minusSeconds(60),
            null,
            T0,
            SessionStatus.ACTIVE,
            1,
            0,
            0,
            0,
            0,
            0,
            0,
            List.of(),
            1,
            "h"));
    Event e =
        Event.unwritten(
            "e-" + id, "o1", id, "alpha", EventType.CUSTOM, Severity.INFO, T0, "{}", "{}");
    List<Event> chained = HashChain.extend(0, null, List.of(e));
    Event c = chained.get(0);
    timelines.put(id, List.of(broken ? c.chained(1, null, "0".repeat(64)) : c));
  }

  private static ApiKey key(String id, Instant created, Instant lastUsed, Instant revoked) {
    return new ApiKey(
        id,
        "o1",
        "al_live_" + id,
        "hash",
        KeyEnvironment.LIVE,
        id,
        List.of(),
        "u",
        created,
        lastUsed,
        revoked,
        null);
  }

  @Test
  void theReportAssemblesEachPartWithinItsBounds() {
    session("s1", false);
    session("s2", true);
    session("s3", false);
    keys.add(key("fresh", T0.minus(Duration.ofDays(2)), T0.minus(Duration.ofHours(1)), null));
    keys.add(key("stale", T0.minus(Duration.ofDays(90)), T0.minus(Duration.ofDays(30)), null));
    keys.add(key("never", T0.minus(Duration.ofDays(31)), null, null));
    keys.add(key("revoked", T0.minus(Duration.ofDays(60)), null, T0.minus(Duration.ofDays(1))));
    ComplianceReports reports = new ComplianceReports(stores(), now::get, 2, 2);
    ComplianceReport r = reports.report("o1", 30).orElseThrow();
    assertThat(r.schemaVersion()).isEqualTo("1.0");
    assertThat(r.from()).isEqualTo(T0.minus(Duration.ofDays(30)));
    assertThat(r.retention()).isEqualTo(new ComplianceReport.Retention(400, 365, 365, false));
    assertThat(r.protection().redactionRules()).containsExactly("ssn");
    assertThat(r.chain().sessionsInPeriod()).isEqualTo(3);
    assertThat(r.chain().checked()).isEqualTo(2);
    assertThat(r.chain().valid()).isEqualTo(1);
    assertThat(r.chain().broken()).isEqualTo(1);
    assertThat(r.chain().brokenSessions().get(0).sessionId()).isEqualTo("s2");
    assertThat(r.chain().brokenSessions().get(0).failedAtIndex()).isZero();
    assertThat(r.chain().truncated()).isTrue();
    assertThat(r.audit().entries()).isEqualTo(2);
    assertThat(r.audit().truncated()).isTrue();
    assertThat(r.audit().last()).isEqualTo(T0.minus(Duration.ofHours(1)));
    assertThat(r.audit().first()).isEqualTo(T0.minus(Duration.ofHours(2)));
    assertThat(r.audit().byAction()).isEqualTo(Map.of("api_key.create", 2L));
    assertThat(r.keys())
        .extracting(ComplianceReport.KeyHygiene::id)
        .containsExactly("fresh", "never", "revoked", "stale");
    assertThat(r.keys())
        .extracting(ComplianceReport.KeyHygiene::unused30Days)
        .containsExactly(false, true, false, true);
    assertThat(r.keys().get(3).ageDays()).isEqualTo(90);
    assertThat(r.members())
        .extracting(ComplianceReport.Member::role)
        .containsExactly("owner", "admin", "viewer");
    assertThat(r.members().get(1).email()).isNull();
    assertThat(r.agents())
        .extracting(ComplianceReport.AgentGuardrails::agentId)
        .containsExactly("alpha", "zeta");
    assertThat(r.agents()).allMatch(a -> a.rules() == 0 && a.guardrails().equals("not available"));
    assertThat(reports.report("nobody", 30)).isEmpty();
  }

  @Test
  void aReportIsReusedForFiveMinutesPerOrgAndPeriod() {
    ComplianceReports reports = new ComplianceReports(stores(), now::get);
    ComplianceReport first = reports.report("o1", 30).orElseThrow();
    keys.add(key("later", T0, null, null));
    now.set(T0.plus(Duration.ofMinutes(5)).minusNanos(1000));
    assertThat(reports.report("o1", 30).orElseThrow()).isSameAs(first);
    assertThat(reports.report("o1", 31).orElseThrow().keys()).hasSize(1);
    now.set(T0.plus(Duration.ofMinutes(5)));
    ComplianceReport fresh = reports.report("o1", 30).orElseThrow();
    assertThat(fresh.generatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(fresh.keys()).hasSize(1);
    assertThat(first.keys()).isEmpty();
    assertThatThrownBy(() -> reports.report("o1", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reports.report("o1", 366))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
