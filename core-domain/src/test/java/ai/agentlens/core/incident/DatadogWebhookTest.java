package ai.agentlens.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.incident.DatadogWebhook.Outcome;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.incident.WebhookSecretStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatadogWebhookTest {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private final FakeIncidentStores stores = new FakeIncidentStores();
  private final AtomicReference<Instant> now = new AtomicReference<>(T);
  private final Map<String, String> secrets = new HashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final AtomicInteger ids = new AtomicInteger();
  private DatadogWebhook hook;
  private String secret;

  @BeforeEach
  void setUp() {
    WebhookSecretStore store =
        new WebhookSecretStore() {
          @Override
          public void put(String orgId, String s, Instant at) {
            secrets.put(orgId, s);
          }

          @Override
          public Optional<String> secret(String orgId) {
            return Optional.ofNullable(secrets.get(orgId));
          }

          @Override
          public boolean firstUse(String orgId, String sig, Instant at, Instant forgetBefore) {
            return seen.add(orgId + "|" + sig);
          }
        };
    hook = new DatadogWebhook(store, stores, now::get, () -> "inc_" + ids.incrementAndGet());
    secret = hook.newSecret("org");
  }

  private static byte[] body(String transition) {
    return ("{\"alert_id\":\"123\",\"alert_transition\":\""
            + transition
            + "\",\"title\":\"[P1] High error rate\",\"priority\":\"P1\",\"datadog_org_id\":\"9\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Outcome send(String org, long ts, byte[] body) {
    String t = Long.toString(ts);
    return hook.receive(org, t, "sha256=" + DatadogWebhook.hmac(secret, t, body), body);
  }

  @Test
  void aSignedTriggerOpensAndARecoveryResolves() {
    assertThat(secret).startsWith("whsec_");
    assertThat(send("org", T.getEpochSecond(), body("Triggered"))).isEqualTo(Outcome.OPENED);
    now.set(T.plusSeconds(1));
    assertThat(send("org", T.getEpochSecond() + 1, body("Re-Triggered"))).isEqualTo(Outcome.OPENED);
    assertThat(stores.incidents).hasSize(1);
    Incident i = stores.incidents.get("inc_1");
    assertThat(i.triggerType()).isEqualTo(TriggerType.DATADOG);
    assertThat(i.severity()).isEqualTo(IncidentSeverity.CRITICAL);
    assertThat(i.triggerCount()).isEqualTo(2);
    assertThat(i.title()).isEqualTo("Datadog: [P1] High error rate");
    assertThat(send("org", T.getEpochSecond() + 2, body("Recovered"))).isEqualTo(Outcome.RESOLVED);
    assertThat(stores.incidents.get("inc_1").open()).isFalse();
    assertThat(stores.incidents.get("inc_1").resolvedBy()).isEqualTo("datadog");
    assertThat(send("org", T.getEpochSecond() + 3, body("Recovered"))).isEqualTo(Outcome.IGNORED);
    assertThat(send("org", T.getEpochSecond() + 4, body("No Data"))).isEqualTo(Outcome.IGNORED);
  }

  @Test
  void aBadSignatureAnUnknownOrgAndMissingHeadersAreUnauthorized() {
    byte[] b = body("Triggered");
    String t = Long.toString(T.getEpochSecond());
    String good = "sha256=" + DatadogWebhook.hmac(secret, t, b);
    assertThat(hook.receive("org", t, good.replace('a', 'b').replace('1', '2'), b))
        .isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(hook.receive("org", t, "sha256=" + DatadogWebhook.hmac("other", t, b), b))
        .isEqualTo(Outcome.UNAUTHORIZED);
    byte[] tampered = body("Recovered");
    assertThat(hook.receive("org", t, good, tampered)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(hook.receive("org", Long.toString(T.getEpochSecond() + 1), good, b))
        .as("the timestamp is signed")
        .isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(hook.receive("nobody", t, good, b)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(hook.receive(null, t, good, b)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(hook.receive("org", null, good, b)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(hook.receive("org", t, null, b)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(stores.incidents).isEmpty();
    assertThat(hook.receive("org", t, good, b)).isEqualTo(Outcome.OPENED);
  }

  @Test
  void aStaleTimestampIsRefusedEitherWay() {
    long ts = T.getEpochSecond();
    now.set(T.plus(Duration.ofMinutes(5)).plusSeconds(1));
    assertThat(send("org", ts, body("Triggered"))).isEqualTo(Outcome.STALE);
    now.set(T.minus(Duration.ofMinutes(5)).minusSeconds(1));
    assertThat(send("org", ts, body("Triggered"))).isEqualTo(Outcome.STALE);
    now.set(T.plus(Duration.ofMinutes(5)));
    assertThat(send("org", ts, body("Triggered"))).isEqualTo(Outcome.OPENED);
    byte[] b = body("Triggered");
    String sig = "sha256=" + DatadogWebhook.hmac(secret, "soon", b);
    assertThat(hook.receive("org", "soon", sig, b)).isEqualTo(Outcome.STALE);
  }

  @Test
  void aReplayedSignatureIsRefused() {
    assertThat(send("org", T.getEpochSecond(), body("Triggered"))).isEqualTo(Outcome.OPENED);
    assertThat(send("org", T.getEpochSecond(), body("Triggered"))).isEqualTo(Outcome.REPLAYED);
    assertThat(stores.incidents.get("inc_1").triggerCount()).isEqualTo(1);
  }

  @Test
  void anAuthenticBodyWithoutTheFieldsIsInvalid() {
    byte[] b = "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    String t = Long.toString(T.getEpochSecond());
    assertThatThrownBy(
            () -> hook.receive("org", t, "sha256=" + DatadogWebhook.hmac(secret, t, b), b))
        .isInstanceOf(InvalidInputException.class);
  }
}
