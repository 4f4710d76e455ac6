package ai.agentlens.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.alert.AlertCondition;
import ai.agentlens.core.alert.AlertFiring;
import ai.agentlens.core.alert.AlertMeasurement;
import ai.agentlens.core.alert.AlertRule;
import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.WebhookSender;
import ai.agentlens.core.port.alerting.AlertHistory;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AlertCheckJobTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-05-01T12:00:00Z"));
  private final List<AlertFiring> fired = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final List<String> delivered = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private AlertMeasurement measured = new AlertMeasurement(5, 0, 2.0, null);
  private boolean leaseFree = true;
  private final AlertRule rule =
      new AlertRule(
          "r1",
          "org",
          new AlertRule.AlertSpec(
              "cost",
              true,
              AlertCondition.COST_EXCEEDS,
              1.0,
              10,
              null,
              List.of(),
              List.of("https://h.example.com", "email:a@b.co")),
          now.get(),
          now.get());

  private AlertCheckJob job() {
    AlertRuleStore rules =
        new AlertRuleStore() {
          @Override
          public void create(AlertRule r) {}

          @Override
          public Optional<AlertRule> find(String o, String id) {
            return Optional.of(rule);
          }

          @Override
          public List<AlertRule> list(String o, boolean enabledOnly) {
            return List.of(rule);
          }

          @Override
          public boolean update(AlertRule r) {
            return false;
          }

          @Override
          public boolean delete(String o, String id) {
            return false;
          }
        };
    AlertHistory history =
        new AlertHistory() {
          @Override
          public void append(String o, AlertFiring f) {
            fired.add(f);
          }

          @Override
          public Optional<Instant> lastFired(String o, String r) {
            return fired.stream().map(AlertFiring::triggeredAt).max(Comparator.naturalOrder());
          }

          @Override
          public Page list(String o, String r, int l, int off) {
            return new Page(fired, fired.size());
          }
        };
    AuditLog log =
        new AuditLog() {
          @Override
          public void append(AuditEntry e) {
            audit.add(e);
          }

          @Override
          public List<AuditEntry> query(String o, AuditQuery q) {
            return audit;
          }

          @Override
          public int anonymizeActor(String u, Instant at) {
            return 0;
          }
        };
    JobLeases leases =
        new JobLeases() {
          @Override
          public boolean acquire(String job, String owner, Duration ttl) {
            return leaseFree;
          }

          @Override
          public void release(String job, String owner) {}
        };
    return new AlertCheckJob(
        () -> List.of("org"),
        rules,
        history,
        (org, agent, tags, from, to) -> {
          assertThat(Duration.between(from, to)).isEqualTo(Duration.ofMinutes(10));
          return measured;
        },
        new ChannelDelivery(
            m -> {
              delivered.add("email:" + m.to());
              throw new Mailer.MailException("down", null);
            },
            (url, headers, json) -> {
              delivered.add(url.toString());
              assertThat(json).contains("\"ruleId\":\"r1\"").contains("\"value\":2.0");
              return new WebhookSender.Result(204, null);
            }),
        new AlertAudit(log, now::get, () -> "a" + ids.incrementAndGet()),
        leases,
        now::get,
        () -> "f" + ids.incrementAndGet(),
        "me");
  }

  @Test
  void firesOncePerWindowAndRecordsEveryDelivery() {
    AlertCheckJob job = job();
    List<AlertFiring> first = job.runOnce().orElseThrow();
    assertThat(first).hasSize(1);
    AlertFiring f = first.get(0);
    assertThat(f.value()).isEqualTo(2.0);
    assertThat(f.windowFrom()).isEqualTo(now.get().minus(Duration.ofMinutes(10)));
    assertThat(f.deliveries())
        .containsExactly(
            new AlertFiring.Delivery("https://h.example.com", true, null),
            new AlertFiring.Delivery("email:a@b.co", false, "mail not sent: down"));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).action()).isEqualTo("alert.fired");
    assertThat(audit.get(0).result()).isEqualTo(AuditResult.FAILURE);
    assertThat(audit.get(0).details()).contains("\"deliveriesFailed\":\"1\"");
    now.set(now.get().plus(Duration.ofMinutes(9)));
    assertThat(job.runOnce().orElseThrow()).isEmpty();
    now.set(now.get().plus(Duration.ofMinutes(1)));
    assertThat(job.runOnce().orElseThrow()).hasSize(1);
    assertThat(fired).hasSize(2);
    assertThat(delivered).hasSize(4);
  }

  @Test
  void doesNotFireAtOrBelowTheThresholdNorWithoutTheLease() {
    measured = new AlertMeasurement(5, 0, 1.0, null);
    assertThat(job().runOnce().orElseThrow()).isEmpty();
    measured = new AlertMeasurement(5, 0, 9.0, null);
    leaseFree = false;
    assertThat(job().runOnce()).isEmpty();
    assertThat(fired).isEmpty();
    assertThat(delivered).isEmpty();
  }
}
