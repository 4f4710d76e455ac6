package ai.agentlens.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.incident.Incidents.Actor;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.port.KeyRevocations;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.port.remediation.RemediationStore;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.core.remediation.model.Remediation;
import ai.agentlens.core.remediation.model.RemediationStatus;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The remediation use case over in-memory ports: apply, revert, audit, key limits, failures. */
class RemediationsTest {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
  private static final Actor ACTOR = new Actor(ActorType.USER, "u1", "127.0.0.1");

  private final Map<String, AgentSettings> rows = new HashMap<>();
  private final Map<String, Remediation> remediations = new HashMap<>();
  private final Map<String, ApiKey> keys = new HashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();
  private final List<String> changed = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  @SuppressWarnings("unchecked")
  private static <T> T stub(
      Class<T> type, Map<String, java.util.function.Function<Object[], Object>> m) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> {
              var f = m.get(method.getName());
              if (f == null) {
                throw new UnsupportedOperationException(method.getName());
              }
              return f.apply(args);
            });
  }

  private static Incident incident(String id, String agent) {
    return new Incident(
        id,
        "o1",
        agent,
        null,
        "k-" + id,
        "Risky",
        IncidentSeverity.HIGH,
        TriggerType.RISK,
        true,
        T,
        T,
        1,
        null,
        null,
        "{}",
        List.of());
  }

  private Remediations use() {
    AgentSettingsStore settings =
        stub(
            AgentSettingsStore.class,
            Map.of(
                "find", a -> Optional.ofNullable(rows.get(String.valueOf(a[1]))),
                "put", a -> rows.put(String.valueOf(a[1]), (AgentSettings) a[2]),
                "delete", a -> rows.remove(String.valueOf(a[1])) != null));
    RemediationStore store =
        stub(
            RemediationStore.class,
            Map.of(
                "insert", a -> remediations.put(((Remediation) a[0]).id(), (Remediation) a[0]),
                "find", a -> Optional.ofNullable(remediations.get((String) a[2])),
                "finish",
                    a ->
                        finish(
                            (String) a[1],
                            (boolean) a[2],
                            (String) a[3],
                            (Instant) a[4],
                            (String) a[5])));
    IncidentStore incidents =
        stub(
            IncidentStore.class,
            Map.of(
                "find",
                a ->
                    switch ((String) a[1]) {
                      case "inc-1" -> Optional.of(incident("inc-1", "bot"));
                      case "inc-org" -> Optional.of(incident("inc-org", null));
                      default -> Optional.empty();
                    }));
    ApiKeyStore keyStore =
        stub(
            ApiKeyStore.class,
            Map.of(
                "find",
                a -> Optional.ofNullable(keys.get((String) a[1])),
                "rateLimit",
                a -> {
                  ApiKey k = keys.get((String) a[1]);
                  keys.put(k.id(), key(k.id(), (Integer) a[2]));
                  return true;
                }));
    AgentControlStore agents =
        stub(
            AgentControlStore.class,
            Map.of(
                "find",
                a -> "bot".equals(a[1]) ? Optional.of(AgentControl.NONE) : Optional.empty()));
    AuditLog log = stub(AuditLog.class, Map.of("append", a -> audit.add((AuditEntry) a[0])));
    KeyRevocations revocations = prefix -> dropped.add(prefix);
    AgentSettingsEditor editor =
        new AgentSettingsEditor(settings, agents, log, () -> T, this::id, changed::add);
    return new Remediations(
        new RemediationPorts(incidents, settings, store, keyStore, revocations, log),
        editor,
        () -> T,
        this::id,
        changed::add);
  }

  private String id() {
    return "id-" + ids.incrementAndGet();
  }

  private boolean finish(String id, boolean failed, String by, Instant at, String error) {
    Remediation r = remediations.get(id);
    if (r == null || r.status() != RemediationStatus.APPLIED) {
      return false;
    }
    remediations.put(
        id,
        new Remediation(
            r.orgId(),
            r.id(),
            r.incidentId(),
            r.agentId(),
            r.kind(),
            r.params(),
            failed ? RemediationStatus.FAILED : RemediationStatus.REVERTED,
            r.before(),
            r.appliedBy(),
            r.appliedAt(),
            by,
            at,
            error));
    return true;
  }

  private static ApiKey key(String id, Integer limit) {
    return new ApiKey(
        id,
        "o1",
        "al_live_" + id,
        "hash",
        KeyEnvironment.LIVE,
        "n",
        List.of("ingest"),
        "u1",
        T,
        null,
        null,
        limit);
  }

  @Test
  void applyChangesTheAgentAuditsAndRevertRestoresOnce() {
    Remediations use = use();
    Remediation r =
        use.apply(
                "o1",
                ACTOR,
                "inc-1",
                "switch_model",
                JsonReader.readObject("{\"model\":\"m\"}"),
                null)
            .orElseThrow();
    assertThat(r.status()).isEqualTo(RemediationStatus.APPLIED);
    assertThat(r.agentId()).isEqualTo("bot");
    assertThat(r.before().settings()).isNull();
    assertThat(rows.get("bot").preferredModel()).isEqualTo("m");
    assertThat(audit).extracting(AuditEntry::action).containsExactly("remediation.apply");
    assertThat(audit.get(0).targetId()).isEqualTo("inc-1");
    assertThat(changed).containsExactly("o1");

    Remediation back = use.revert("o1", ACTOR, "inc-1", r.id()).orElseThrow();
    assertThat(back.status()).isEqualTo(RemediationStatus.REVERTED);
    assertThat(back.revertedBy()).isEqualTo("u1");
    assertThat(rows).doesNotContainKey("bot");
    assertThat(use.revert("o1", ACTOR, "inc-1", r.id()).orElseThrow().status())
        .isEqualTo(RemediationStatus.REVERTED);
    assertThat(audit)
        .extracting(AuditEntry::action)
        .containsExactly("remediation.apply", "remediation.revert");
    assertThat(use.revert("o1", ACTOR, "inc-1", "nope")).isEmpty();
  }

  @Test
  void aKeyLimitSetsTheKeysOverrideDropsItsCacheAndRevertPutsTheOldOneBack() {
    keys.put("k1", key("k1", 60));
    Remediations use = use();
    Remediation r =
        use.apply(
                "o1",
                ACTOR,
                "inc-1",
                "rate_limit",
                JsonReader.readObject("{\"requestsPerMinute\":5,\"keyId\":\"k1\"}"),
                null)
            .orElseThrow();
    assertThat(r.agentId()).isNull();
    assertThat(r.before().keyRateLimit()).isEqualTo(60);
    assertThat(keys.get("k1").rateLimitOverride()).isEqualTo(5);
    assertThat(dropped).containsExactly("al_live_k1");
    assertThat(rows).isEmpty();
    use.revert("o1", ACTOR, "inc-1", r.id());
    assertThat(keys.get("k1").rateLimitOverride()).isEqualTo(60);
    assertThat(dropped).hasSize(2);
  }

  @Test
  void aRevertWhoseKeyIsGoneFails() {
    keys.put("k1", key("k1", null));
    Remediations use = use();
    Remediation r =
        use.apply(
                "o1",
                ACTOR,
                "inc-1",
                "rate_limit",
                JsonReader.readObject("{\"requestsPerMinute\":5,\"keyId\":\"k1\"}"),
                null)
            .orElseThrow();
    keys.clear();
    Remediation failed = use.revert("o1", ACTOR, "inc-1", r.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(failed.error()).contains("no longer exists");
  }

  @Test
  void unknownIncidentsAgentsAndKeysAreRefused() {
    Remediations use = use();
    var model = JsonReader.readObject("{\"model\":\"m\"}");
    assertThat(use.apply("o1", ACTOR, "nope", "switch_model", model, null)).isEmpty();
    assertThatThrownBy(() -> use.apply("o1", ACTOR, "inc-org", "switch_model", model, null))
        .isInstanceOfSatisfying(
            SettingsInvalidException.class,
            e -> assertThat(e.errors().get(0).path()).isEqualTo("agentId"));
    assertThatThrownBy(() -> use.apply("o1", ACTOR, "inc-org", "switch_model", model, "ghost"))
        .isInstanceOf(SettingsInvalidException.class);
    assertThat(use.apply("o1", ACTOR, "inc-org", "switch_model", model, "bot")).isPresent();
    assertThatThrownBy(
            () ->
                use.apply(
                    "o1",
                    ACTOR,
                    "inc-1",
                    "rate_limit",
                    JsonReader.readObject("{\"requestsPerMinute\":5,\"keyId\":\"k9\"}"),
                    null))
        .isInstanceOfSatisfying(
            SettingsInvalidException.class,
            e -> assertThat(e.errors().get(0).path()).isEqualTo("params.keyId"));
    assertThatThrownBy(() -> use.apply("o1", ACTOR, "inc-1", "reboot", model, null))
        .isInstanceOfSatisfying(
            SettingsInvalidException.class,
            e -> assertThat(e.errors().get(0).path()).isEqualTo("kind"));
    assertThat(audit).hasSize(1);
  }
}
