package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertMeasurement;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.health.snapshot.HealthSnapshot;
import ai.agentlens.core.port.alerting.AlertingStores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contracts of {@link AlertingStores}: snapshots are written once per (org, agent, date) and
 * read ascending within an inclusive date range; rules are created, found, listed oldest first,
 * updated and deleted (with their history); firings are listed newest first with a total and the
 * last firing time; measurements count, sum and average in SQL without OTLP metric events, scoped
 * by agent and session tags; nothing of one org is visible to another.
 */
public abstract class AlertingStoresContract extends StorageContract {

  private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

  private AlertingStores a() {
    return provider.alerting();
  }

  private static HealthSnapshot snap(String agent, String date, double overall) {
    return new HealthSnapshot(agent, LocalDate.parse(date), overall, 90, 80, 70, 60, 50, 4);
  }

  @Test
  void aSnapshotIsWrittenOncePerAgentAndDayAndReadAscending() {
    Org org = newOrg();
    Org other = newOrg();
    assertThat(a().healthSnapshots().saveIfAbsent(org.id(), snap("bot", "2026-03-02", 70)))
        .isTrue();
    assertThat(a().healthSnapshots().saveIfAbsent(org.id(), snap("bot", "2026-03-01", 60)))
        .isTrue();
    assertThat(a().healthSnapshots().saveIfAbsent(org.id(), snap("bot", "2026-03-02", 99)))
        .isFalse();
    a().healthSnapshots().saveIfAbsent(org.id(), snap("other-bot", "2026-03-02", 10));
    List<HealthSnapshot> h =
        a().healthSnapshots()
            .history(org.id(), "bot", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
    assertThat(h)
        .extracting(HealthSnapshot::date)
        .containsExactly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
    assertThat(h.get(1)).isEqualTo(snap("bot", "2026-03-02", 70));
    assertThat(
            a().healthSnapshots()
                .history(
                    org.id(), "bot", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05")))
        .hasSize(1);
    assertThat(a().healthSnapshots().agentsOn(org.id(), LocalDate.parse("2026-03-02")))
        .containsExactlyInAnyOrder("bot", "other-bot");
    assertThat(a().healthSnapshots().agentsOn(other.id(), LocalDate.parse("2026-03-02"))).isEmpty();
    assertThat(
            a().healthSnapshots()
                .history(
                    other.id(),
                    "bot",
                    LocalDate.parse("2026-03-01"),
                    LocalDate.parse("2026-03-02")))
        .isEmpty();
    assertThat(a().healthSnapshots().agentsOn(null, LocalDate.parse("2026-03-02"))).isEmpty();
    assertThatThrownBy(
            () -> a().healthSnapshots().saveIfAbsent(id("org"), snap("bot", "2026-03-02", 1)))
        .isInstanceOf(NotFoundException.class);
  }

  private AlertRule rule(Org org, String name, Instant at) {
    return new AlertRule(
        id("alr"),
        org.id(),
        new AlertRule.AlertSpec(
            name,
            true,
            AlertCondition.COST_EXCEEDS,
            1.5,
            60,
            "bot",
            List.of("prod"),
            List.of("https://hooks.example.com/x", "email:ops@example.com")),
        at,
        at);
  }

  @Test
  void rulesAreCreatedListedUpdatedAndDeletedWithinTheirOrg() {
    Org org = newOrg();
    Org other = newOrg();
    AlertRule plain = rule(org, "first", T0);
    // the webhook secret is stored and read back (signing needs it), and an update can clear it
    AlertRule first =
        new AlertRule(
            plain.id(), org.id(), plain.spec().withSecret("s3cret"), T0, plain.updatedAt());
    AlertRule second = rule(org, "second", T0.plusSeconds(1));
    a().rules().create(second);
    a().rules().create(first);
    assertThat(a().rules().find(org.id(), first.id())).contains(first);
    assertThat(a().rules().find(org.id(), first.id()).orElseThrow().spec().webhookSecret())
        .isEqualTo("s3cret");
    assertThat(a().rules().list(org.id(), false)).containsExactly(first, second);
    AlertRule off =
        new AlertRule(
            first.id(),
            org.id(),
            new AlertRule.AlertSpec(
                "renamed", false, AlertCondition.NO_EVENTS_FOR, 0, 5, null, List.of(), List.of()),
            T0,
            T0.plusSeconds(9));
    assertThat(a().rules().update(off)).isTrue();
    assertThat(a().rules().find(org.id(), first.id())).contains(off);
    assertThat(off.spec().webhookSecret()).isNull();
    assertThat(a().rules().list(org.id(), true)).containsExactly(second);
    assertThat(a().rules().find(other.id(), first.id())).isEmpty();
    assertThat(a().rules().list(other.id(), false)).isEmpty();
    assertThat(a().rules().delete(other.id(), first.id())).isFalse();
    assertThat(
            a().rules()
                .update(new AlertRule(first.id(), other.id(), off.spec(), T0, T0.plusSeconds(10))))
        .isFalse();
    a().history().append(org.id(), firing(first.id(), T0));
    assertThat(a().rules().delete(org.id(), first.id())).isTrue();
    assertThat(a().rules().delete(org.id(), first.id())).isFalse();
    assertThat(a().history().list(org.id(), first.id(), 10, 0).total()).isZero();
    assertThatThrownBy(() -> a().rules().create(rule(newOrgMissing(), "x", T0)))
        .isInstanceOf(NotFoundException.class);
  }

  private Org newOrgMissing() {
    Org o = newOrg();
    stores.orgs().delete(o.id());
    return o;
  }

  private static AlertFiring firing(String ruleId, Instant at) {
    return new AlertFiring(
        id("alf"),
        ruleId,
        "r",
        AlertCondition.COST_EXCEEDS,
        2.25,
        1.5,
        at.minus(Duration.ofHours(1)),
        at,
        List.of(
            new AlertFiring.Delivery("https://hooks.example.com/x", true, null),
            new AlertFiring.Delivery("email:ops@example.com", false, "mail server down")));
  }

  @Test
  void historyIsNewestFirstWithTotalAndLastFiring() {
    Org org = newOrg();
    Org other = newOrg();
    AlertFiring f1 = firing("r1", T0);
    AlertFiring f2 = firing("r1", T0.plusSeconds(60));
    AlertFiring f3 = firing("r2", T0.plusSeconds(30));
    a().history().append(org.id(), f1);
    a().history().append(org.id(), f2);
    a().history().append(org.id(), f3);
    assertThat(a().history().lastFired(org.id(), "r1")).contains(T0.plusSeconds(60));
    assertThat(a().history().lastFired(org.id(), "r3")).isEmpty();
    assertThat(a().history().list(org.id(), null, 10, 0).firings()).containsExactly(f2, f3, f1);
    var page = a().history().list(org.id(), "r1", 1, 1);
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.firings()).containsExactly(f1);
    assertThat(a().history().list(other.id(), null, 10, 0).total()).isZero();
    assertThat(a().history().lastFired(other.id(), "r1")).isEmpty();
  }

  private static Event ev(
      String org,
      String session,
      String agent,
      EventType type,
      Severity sev,
      String payload,
      String metadata,
      Instant ts) {
    return Event.unwritten(id("evt"), org, session, agent, type, sev, ts, payload, metadata);
  }

  @Test
  void measurementsAreComputedInTheWindowWithoutOtlpMetrics() {
    Org org = newOrg();
    String o = org.id();
    Instant t = T0.plusSeconds(10);
    stores
        .events()
        .append(
            batch(
                o,
                List.of(
                    ev(
                        o,
                        "s1",
                        "bot",
                        EventType.SESSION_STARTED,
                        Severity.INFO,
                        "{\"tags\":[\"prod\"]}",
                        "{}",
                        t),
                    ev(
                        o,
                        "s1",
                        "bot",
                        EventType.COST_TRACKED,
                        Severity.INFO,
                        "{\"provider\":\"p\",\"model\":\"m\",\"inputTokens\":1,\"outputTokens\":1,"
                            + "\"totalTokens\":2,\"costUsd\":1.25}",
                        "{}",
                        t),
                    ev(
                        o,
                        "s1",
                        "bot",
                        EventType.TOOL_RESPONSE,
                        Severity.INFO,
                        "{\"callId\":\"c\",\"toolName\":\"x\",\"result\":1,\"durationMs\":100}",
                        "{}",
                        t),
                    ev(
                        o,
                        "s1",
                        "bot",
                        EventType.TOOL_RESPONSE,
                        Severity.INFO,
                        "{\"callId\":\"d\",\"toolName\":\"x\",\"result\":1,\"durationMs\":300}",
                        "{}",
                        t),
                    ev(
                        o,
                        "s1",
                        "bot",
                        EventType.TOOL_ERROR,
                        Severity.INFO,
                        "{\"callId\":\"e\",\"toolName\":\"x\",\"error\":\"boom\"}",
                        "{}",
                        t),
                    ev(
                        o,
                        "s1",
                        "bot",
                        EventType.CUSTOM,
                        Severity.CRITICAL,
                        "{\"type\":\"t\",\"data\":{}}",
                        "{}",
                        t),
                    ev(
                        o,
                        "s1",
                        "bot",
                        EventType.CUSTOM,
                        Severity.ERROR,
                        "{\"type\":\"t\",\"data\":{}}",
                        "{\"source\":\"otlp_metric\"}",
                        t),
                    ev(
                        o,
                        "s2",
                        "helper",
                        EventType.COST_TRACKED,
                        Severity.INFO,
                        "{\"provider\":\"p\",\"model\":\"m\",\"inputTokens\":1,\"outputTokens\":1,"
                            + "\"totalTokens\":2,\"costUsd\":10}",
                        "{}",
                        t),
                    ev(
                        o,
                        "s3",
                        "bot",
                        EventType.CUSTOM,
                        Severity.INFO,
                        "{\"type\":\"t\",\"data\":{}}",
                        "{}",
                        T0.minusSeconds(1)))));
    Instant from = T0;
    Instant to = T0.plusSeconds(60);
    AlertMeasurement all = a().metrics().measure(o, null, List.of(), from, to);
    assertThat(all.eventCount()).isEqualTo(7);
    assertThat(all.errorCount()).isEqualTo(2);
    assertThat(all.costUsd()).isEqualTo(11.25);
    assertThat(all.meanToolLatencyMs()).isEqualTo(200.0);
    AlertMeasurement bot = a().metrics().measure(o, "bot", List.of(), from, to);
    assertThat(bot.eventCount()).isEqualTo(6);
    assertThat(bot.costUsd()).isEqualTo(1.25);
    AlertMeasurement prod = a().metrics().measure(o, null, List.of("nope", "prod"), from, to);
    assertThat(prod.eventCount()).isEqualTo(6);
    assertThat(a().metrics().measure(o, null, List.of("nope"), from, to).eventCount()).isZero();
    AlertMeasurement none = a().metrics().measure(newOrg().id(), null, List.of(), from, to);
    assertThat(none).isEqualTo(new AlertMeasurement(0, 0, 0, null));
    assertThat(a().metrics().measure(o, null, List.of(), to, to.plusSeconds(60)).eventCount())
        .isZero();
  }
}
