package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.incident.AnomalyJob;
import ai.agentlens.core.incident.model.HourStats;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentQuery;
import ai.agentlens.core.incident.model.IncidentRule;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.TriggerRecord;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.incident.IncidentRuleStore;
import ai.agentlens.core.port.incident.IncidentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link IncidentStore} and {@link IncidentRuleStore} contracts: a trigger opens an incident, a
 * trigger with the same key updates the open one (count, last seen, details, related ids, timeline)
 * even from concurrent writers; after resolving, the key opens a new incident; listing filters and
 * pages newest first; rules round-trip, update and delete; another org (or none) reads and changes
 * nothing.
 */
public abstract class IncidentStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");

  private IncidentStore incidents() {
    return provider.incidents().incidents();
  }

  private IncidentRuleStore rules() {
    return provider.incidents().rules();
  }

  private static IncidentTrigger trigger(String org, String agent, Instant at, String related) {
    return new IncidentTrigger(
        org,
        agent,
        "rule-1",
        TriggerType.ERRORS,
        IncidentTrigger.key(TriggerType.ERRORS, "rule-1", agent),
        "3 errors within 5 min",
        IncidentSeverity.HIGH,
        at,
        related,
        "{\"errors\":" + related.length() + "}");
  }

  @Test
  void sameKeyUpdatesTheOpenIncidentAndResolvingOpensANewOne() {
    String org = newOrg().id();
    Incident first = incidents().record("inc_01", trigger(org, "bot", T, "evt-1"));
    assertThat(first.open()).isTrue();
    assertThat(first.triggerCount()).isEqualTo(1);
    assertThat(first.relatedIds()).containsExactly("evt-1");
    assertThat(first.openedAt()).isEqualTo(T);
    Incident again = incidents().record("inc_02", trigger(org, "bot", T.plusSeconds(30), "evt-22"));
    assertThat(again.id()).isEqualTo("inc_01");
    assertThat(again.triggerCount()).isEqualTo(2);
    assertThat(again.lastSeenAt()).isEqualTo(T.plusSeconds(30));
    assertThat(again.openedAt()).isEqualTo(T);
    assertThat(again.details()).isEqualTo("{\"errors\":6}");
    assertThat(again.relatedIds()).containsExactly("evt-1", "evt-22");
    assertThat(incidents().timeline(org, "inc_01"))
        .extracting(TriggerRecord::relatedId)
        .containsExactly("evt-1", "evt-22");
    Incident other = incidents().record("inc_03", trigger(org, "other-bot", T, "evt-3"));
    assertThat(other.id()).as("another agent is another key").isEqualTo("inc_03");

    Incident resolved =
        incidents().resolve(org, "inc_01", "usr_1", T.plusSeconds(60)).orElseThrow();
    assertThat(resolved.open()).isFalse();
    assertThat(resolved.status()).isEqualTo("resolved");
    assertThat(resolved.resolvedBy()).isEqualTo("usr_1");
    assertThat(resolved.resolvedAt()).isEqualTo(T.plusSeconds(60));
    assertThat(incidents().resolve(org, "inc_01", "usr_2", T.plusSeconds(90)).orElseThrow())
        .as("resolving twice changes nothing")
        .isEqualTo(resolved);
    Incident reopened = incidents().record("inc_04", trigger(org, "bot", T.plusSeconds(120), "e"));
    assertThat(reopened.id()).isEqualTo("inc_04");
    assertThat(reopened.triggerCount()).isEqualTo(1);
  }

  @Test
  void resolveOpenResolvesByKey() {
    String org = newOrg().id();
    IncidentTrigger t = trigger(org, "bot", T, "evt-1");
    incidents().record("inc_a", t);
    assertThat(incidents().resolveOpen(org, t.dedupeKey(), "datadog", T.plusSeconds(5)))
        .hasValueSatisfying(i -> assertThat(i.resolvedBy()).isEqualTo("datadog"));
    assertThat(incidents().resolveOpen(org, t.dedupeKey(), "datadog", T.plusSeconds(6))).isEmpty();
  }

  @Test
  void concurrentTriggersOfOneKeyOpenOneIncident() throws Exception {
    String org = newOrg().id();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        done.add(
            pool.submit(
                () ->
                    ids.add(
                        incidents()
                            .record("inc_" + n, trigger(org, "bot", T.plusMillis(n), "e" + n))
                            .id())));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ids).hasSize(1);
    Incident i = incidents().find(org, ids.iterator().next()).orElseThrow();
    assertThat(i.triggerCount()).isEqualTo(20);
    assertThat(i.relatedIds()).hasSize(20);
    assertThat(incidents().timeline(org, i.id())).hasSize(20);
  }

  @Test
  void listFiltersAndPagesNewestFirst() {
    String org = newOrg().id();
    for (int i = 0; i < 5; i++) {
      IncidentTrigger t = trigger(org, "agent-" + i, T.plusSeconds(i * 60L), "e" + i);
      incidents().record("inc_0" + i, i == 4 ? withSeverity(t, IncidentSeverity.LOW) : t);
    }
    incidents().resolve(org, "inc_00", "usr", T.plusSeconds(600));
    assertThat(ids(q(org, null, null, null, null, null, 10, null)))
        .containsExactly("inc_04", "inc_03", "inc_02", "inc_01", "inc_00");
    assertThat(ids(q(org, null, null, null, null, null, 2, "inc_03")))
        .containsExactly("inc_02", "inc_01");
    assertThat(ids(q(org, false, null, null, null, null, 10, null))).containsExactly("inc_00");
    assertThat(ids(q(org, true, IncidentSeverity.LOW, null, null, null, 10, null)))
        .containsExactly("inc_04");
    assertThat(ids(q(org, null, null, "agent-2", null, null, 10, null))).containsExactly("inc_02");
    assertThat(ids(q(org, null, null, null, T.plusSeconds(60), T.plusSeconds(180), 10, null)))
        .containsExactly("inc_02", "inc_01");
  }

  @Test
  void anotherOrgReadsAndChangesNothing() {
    String org = newOrg().id();
    String other = newOrg().id();
    IncidentTrigger t = trigger(org, "bot", T, "evt-1");
    incidents().record("inc_x", t);
    assertThat(incidents().find(other, "inc_x")).isEmpty();
    assertThat(incidents().find(null, "inc_x")).isEmpty();
    assertThat(incidents().timeline(other, "inc_x")).isEmpty();
    assertThat(ids(q(other, null, null, null, null, null, 10, null))).isEmpty();
    assertThat(incidents().resolve(other, "inc_x", "usr", T)).isEmpty();
    assertThat(incidents().resolveOpen(other, t.dedupeKey(), "usr", T)).isEmpty();
    assertThat(incidents().find(org, "inc_x").orElseThrow().open()).isTrue();
    Incident own = incidents().record("inc_y", trigger(other, "bot", T, "evt-9"));
    assertThat(own.id()).as("the same key in another org is another incident").isEqualTo("inc_y");
  }

  @Test
  void rulesRoundTripUpdateAndDelete() {
    String org = newOrg().id();
    String other = newOrg().id();
    IncidentRule r =
        new IncidentRule(
            "ir_1", org, TriggerType.LATENCY, 2500, 10, IncidentSeverity.MEDIUM, null, true, T, T);
    IncidentRule scoped =
        new IncidentRule(
            "ir_2",
            org,
            TriggerType.COST_SPIKE,
            1.5,
            60,
            IncidentSeverity.HIGH,
            "bot",
            false,
            T,
            T);
    rules().create(r);
    rules().create(scoped);
    assertThat(rules().find(org, "ir_1")).contains(r);
    assertThat(rules().list(org, false)).containsExactly(r, scoped);
    assertThat(rules().list(org, true)).containsExactly(r);
    IncidentRule changed =
        new IncidentRule(
            "ir_1",
            org,
            TriggerType.ERRORS,
            3,
            5,
            IncidentSeverity.CRITICAL,
            "bot",
            false,
            T,
            T.plusSeconds(9));
    assertThat(rules().update(changed)).isTrue();
    assertThat(rules().find(org, "ir_1")).contains(changed);
    assertThat(rules().find(other, "ir_1")).isEmpty();
    assertThat(rules().list(other, false)).isEmpty();
    assertThat(rules().delete(other, "ir_1")).isFalse();
    assertThat(
            rules()
                .update(
                    new IncidentRule(
                        "ir_1",
                        other,
                        TriggerType.RISK,
                        80,
                        5,
                        IncidentSeverity.LOW,
                        null,
                        true,
                        T,
                        T)))
        .isFalse();
    assertThat(rules().delete(org, "ir_1")).isTrue();
    assertThat(rules().delete(org, "ir_1")).isFalse();
    assertThat(rules().list(org, false)).containsExactly(scoped);
    assertThatThrownBy(
            () ->
                rules()
                    .create(
                        new IncidentRule(
                            "ir_3",
                            id("org"),
                            TriggerType.RISK,
                            80,
                            5,
                            IncidentSeverity.LOW,
                            null,
                            true,
                            T,
                            T)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void hourlySeriesSumsTheRollupsAndTheAnomalyJobOpensOneIncidentOnASpike() {
    String org = newOrg().id();
    String other = newOrg().id();
    Instant hour = Instant.parse("2026-03-10T12:00:00Z");
    List<Event> es = new ArrayList<>();
    for (int h = 24; h >= 0; h--) {
      Instant at = hour.minus(Duration.ofHours(h)).plusSeconds(60);
      int errors = h == 0 ? 15 : h % 2;
      for (int i = 0; i < 30; i++) {
        es.add(
            Event.unwritten(
                id("evt"),
                org,
                "ses-" + h,
                "bot",
                EventType.LLM_RESPONSE,
                i < errors ? Severity.ERROR : Severity.INFO,
                at.plusMillis(i),
                "{\"callId\":\"c\",\"provider\":\"p\",\"model\":\"m\",\"completion\":null,"
                    + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":1,"
                    + "\"outputTokens\":1,\"totalTokens\":2},\"costUsd\":0.01,"
                    + "\"latencyMs\":200}",
                "{}"));
      }
    }
    stores.events().append(List.of(batch(org, es)));
    List<HourStats> hours =
        provider
            .incidents()
            .hourly()
            .hours(org, hour.minus(Duration.ofHours(24)), hour.plus(Duration.ofHours(1)));
    assertThat(hours).hasSize(25);
    HourStats last = hours.get(24);
    assertThat(last.hour()).isEqualTo(hour);
    assertThat(last.events()).isEqualTo(30);
    assertThat(last.errors()).isEqualTo(15);
    assertThat(last.costUsd()).isCloseTo(0.30, offset(1e-9));
    assertThat(last.latencyCount()).isEqualTo(30);
    assertThat(last.latencySumMs()).isEqualTo(6000.0);
    assertThat(provider.incidents().hourly().hours(other, hour, hour.plus(Duration.ofHours(1))))
        .isEmpty();
    assertThat(provider.incidents().hourly().hours(null, hour, hour.plus(Duration.ofHours(1))))
        .isEmpty();

    AnomalyJob job =
        new AnomalyJob(
            () -> List.of(org, other),
            provider.incidents().hourly(),
            incidents(),
            provider.jobLeases(),
            () -> hour.plus(Duration.ofMinutes(70)),
            () -> id("inc"),
            "owner-1",
            20);
    List<Incident> opened = job.runOnce().orElseThrow();
    assertThat(opened).extracting(Incident::dedupeKey).containsExactly("anomaly|error_rate|bot");
    assertThat(job.runOnce()).isEmpty();
    assertThat(ids(q(org, true, null, "bot", null, null, 10, null))).hasSize(1);
    assertThat(ids(q(other, null, null, null, null, null, 10, null))).isEmpty();
  }

  @Test
  void webhookSecretsAreReplacedAndASignatureIsUsedOnce() {
    String org = newOrg().id();
    String other = newOrg().id();
    var secrets = provider.incidents().webhookSecrets();
    assertThat(secrets.secret(org)).isEmpty();
    secrets.put(org, "s1", T);
    secrets.put(org, "s2", T.plusSeconds(1));
    assertThat(secrets.secret(org)).contains("s2");
    assertThat(secrets.secret(other)).isEmpty();
    assertThat(secrets.secret(null)).isEmpty();
    assertThat(secrets.firstUse(org, "sig-a", T, T.minusSeconds(600))).isTrue();
    assertThat(secrets.firstUse(org, "sig-a", T.plusSeconds(5), T.minusSeconds(600))).isFalse();
    assertThat(secrets.firstUse(other, "sig-a", T, T.minusSeconds(600)))
        .as("another org's signatures are its own")
        .isTrue();
    assertThat(secrets.firstUse(null, "sig-b", T, T)).isFalse();
    assertThat(secrets.firstUse(org, "sig-a", T.plusSeconds(700), T.plusSeconds(100)))
        .as("forgotten after the window")
        .isTrue();
  }

  private static IncidentTrigger withSeverity(IncidentTrigger t, IncidentSeverity s) {
    return new IncidentTrigger(
        t.orgId(),
        t.agentId(),
        t.ruleId(),
        t.type(),
        t.dedupeKey(),
        t.title(),
        s,
        t.at(),
        t.relatedId(),
        t.details());
  }

  private static IncidentQuery q(
      String org,
      Boolean open,
      IncidentSeverity s,
      String agent,
      Instant from,
      Instant to,
      int limit,
      String cursor) {
    return new IncidentQuery(org, open, s, agent, from, to, limit, cursor);
  }

  private List<String> ids(IncidentQuery q) {
    return incidents().list(q).stream().map(Incident::id).toList();
  }
}
