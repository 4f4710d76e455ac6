package ai.agentlens.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.UsageRecord;
import ai.agentlens.core.port.billing.BillingGateway;
import ai.agentlens.core.port.billing.BillingInterval;
import ai.agentlens.core.port.billing.BillingState;
import ai.agentlens.core.port.billing.BillingStateStore;
import ai.agentlens.core.port.billing.Invoice;
import ai.agentlens.core.port.billing.PaymentMethodState;
import ai.agentlens.core.port.billing.Subscription;
import ai.agentlens.core.port.billing.WebhookEvent;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.UsageLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * AC-12 on a scaled-down quota: what the reporter sends to the provider, hour by hour, sums to the
 * ledger's events beyond the quota; a second run (a retry) reports nothing more; a failed report is
 * retried with the same idempotency key and never recorded twice.
 */
class OverageReporterTest {

  private static final Instant MONTH = Instant.parse("2026-12-01T00:00:00Z");
  private static final long QUOTA = 1_000;

  private final List<UsageRecord> ledger = new ArrayList<>();
  private final Map<String, Org> orgs = new HashMap<>();
  private final Map<String, BillingState> states = new HashMap<>();
  private final Map<String, Map<Instant, Long>> recorded = new HashMap<>();
  private final List<String> sent = new ArrayList<>();
  private final Map<String, Long> sentEvents = new HashMap<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(MONTH.plusSeconds(3600 * 30));
  private boolean failNext;

  private OverageReporter reporter() {
    return new OverageReporter(
        orgStore(), usage(), store(), gateway(), leases(), now::get, "me", p -> QUOTA);
  }

  private void org(String id, Plan plan) {
    orgs.put(id, new Org(id, id, id, plan, OrgSettings.defaults(30), MONTH));
    states.put(
        id,
        BillingState.none(id, MONTH)
            .withCustomer("cus_" + id, MONTH)
            .withSubscription(
                new Subscription(
                    "sub_" + id,
                    "cus_" + id,
                    id,
                    "active",
                    plan,
                    BillingInterval.MONTHLY,
                    null,
                    null,
                    false,
                    null,
                    null),
                MONTH));
  }

  private void usage(String org, int hour, long events) {
    ledger.add(new UsageRecord(org, MONTH.plusSeconds(3600L * hour), "key", events));
  }

  @Test
  void reportedOverageEqualsTheLedgersOverageAndARetryAddsNothing() {
    org("pro", Plan.PRO);
    org("free", Plan.FREE);
    usage("pro", 0, 400);
    usage("pro", 1, 500);
    usage("pro", 2, 300); // crosses the quota: 200 over
    usage("pro", 2, 50); // a second key in the same hour
    usage("pro", 5, 700);
    usage("pro", 29, 10);
    usage("pro", 30, 999); // the current hour: not complete, not reported
    usage("free", 3, 5_000);
    long total = reporter().runOnce();
    long ledgerOverage = 400 + 500 + 300 + 50 + 700 + 10 - QUOTA;
    assertThat(total).isEqualTo(ledgerOverage);
    assertThat(sentEvents.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(ledgerOverage);
    assertThat(sent)
        .containsExactly(
            "overage-pro-" + MONTH.plusSeconds(7200).getEpochSecond(),
            "overage-pro-" + MONTH.plusSeconds(3600 * 5).getEpochSecond(),
            "overage-pro-" + MONTH.plusSeconds(3600 * 29).getEpochSecond());
    assertThat(reporter().runOnce()).as("a retry").isZero();
    assertThat(sent).hasSize(3);
    now.set(now.get().plus(Duration.ofHours(1)));
    assertThat(reporter().runOnce()).as("the hour that completed since").isEqualTo(999);
  }

  @Test
  void aFailedReportIsRetriedWithTheSameKeyAndRecordedOnce() {
    org("team", Plan.TEAM);
    usage("team", 0, QUOTA + 25);
    failNext = true;
    try {
      reporter().runOnce();
    } catch (RuntimeException expected) {
      // the provider failed after receiving it (or before): nothing recorded
    }
    assertThat(recorded.getOrDefault("team", Map.of())).isEmpty();
    assertThat(reporter().runOnce()).isEqualTo(25);
    assertThat(sent).containsOnly("overage-team-" + MONTH.getEpochSecond());
    assertThat(recorded.get("team")).containsEntry(MONTH, 25L);
  }

  private OrgStore orgStore() {
    return new OrgStore() {
      @Override
      public void create(Org org) {}

      @Override
      public Optional<Org> find(String orgId) {
        return Optional.ofNullable(orgs.get(orgId));
      }

      @Override
      public void updateSettings(String orgId, OrgSettings settings) {}

      @Override
      public void updatePlan(String orgId, Plan plan) {}

      @Override
      public boolean delete(String orgId) {
        return false;
      }
    };
  }

  private UsageLedger usage() {
    return new UsageLedger() {
      @Override
      public List<UsageRecord> records(String orgId, Instant from, Instant to) {
        return ledger.stream()
            .filter(r -> r.orgId().equals(orgId))
            .filter(r -> !r.hour().isBefore(from) && r.hour().isBefore(to))
            .toList();
      }

      @Override
      public long total(String orgId, Instant from, Instant to) {
        return records(orgId, from, to).stream().mapToLong(UsageRecord::eventCount).sum();
      }
    };
  }

  private BillingStateStore store() {
    return new BillingStateStore() {
      @Override
      public Optional<BillingState> find(String orgId) {
        return Optional.ofNullable(states.get(orgId));
      }

      @Override
      public void save(BillingState state) {
        states.put(state.orgId(), state);
      }

      @Override
      public boolean markProcessed(String eventId, String type, Instant at) {
        return true;
      }

      @Override
      public void unmarkProcessed(String eventId) {}

      @Override
      public List<String> orgIds() {
        return new ArrayList<>(new TreeMap<>(orgs).keySet());
      }

      @Override
      public boolean recordOverage(
          String orgId, Instant hourStart, long events, String identifier, Instant at) {
        return recorded.computeIfAbsent(orgId, k -> new TreeMap<>()).putIfAbsent(hourStart, events)
            == null;
      }

      @Override
      public Map<Instant, Long> reportedOverage(String orgId, Instant from, Instant to) {
        return new TreeMap<>(recorded.getOrDefault(orgId, Map.of()));
      }
    };
  }

  private BillingGateway gateway() {
    return new BillingGateway() {
      @Override
      public String reportOverage(String customerId, String orgId, Instant hourStart, long events) {
        String id = "overage-" + orgId + "-" + hourStart.getEpochSecond();
        if (!sent.contains(id)) {
          sent.add(id);
          sentEvents.put(id, events);
        }
        if (failNext) {
          failNext = false;
          throw new IllegalStateException("provider timed out");
        }
        return id;
      }

      @Override
      public String createCustomer(String orgId, String name, String email) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String createCheckout(
          String c, String o, Plan p, BillingInterval i, String s, String x) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String createPortal(String customerId, String returnUrl) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Subscription> subscription(String subscriptionId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Subscription> liveSubscription(String customerId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Invoice> invoices(String customerId, int limit) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Invoice> upcomingInvoice(String customerId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public PaymentMethodState paymentMethod(String customerId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Subscription changePlan(String s, Plan p, BillingInterval i, boolean u) {
        throw new UnsupportedOperationException();
      }

      @Override
      public WebhookEvent verifyWebhook(String p, String h, String s, long t) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static JobLeases leases() {
    return new JobLeases() {
      @Override
      public boolean acquire(String job, String owner, Duration ttl) {
        return true;
      }

      @Override
      public void release(String job, String owner) {}
    };
  }
}
