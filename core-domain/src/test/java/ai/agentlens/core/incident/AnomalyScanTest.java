package ai.agentlens.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.incident.model.HourStats;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AnomalyScanTest {

  private static final Instant HOUR = Instant.parse("2026-03-10T12:00:00Z");

  /** 24 baseline hours of about 100 events, 2 errors, $1 and 500 ms, then the given last hour. */
  private static List<HourStats> series(HourStats last) {
    List<HourStats> out = new ArrayList<>();
    for (int i = 24; i >= 1; i--) {
      long wobble = i % 3;
      out.add(
          new HourStats(
              "bot",
              HOUR.minus(Duration.ofHours(i)),
              100 + wobble,
              2,
              1.0 + wobble / 100.0,
              500.0 * 50,
              50));
    }
    out.add(last);
    return out;
  }

  private static HourStats last(long events, long errors, double cost, double latency) {
    return new HourStats("bot", HOUR, events, errors, cost, latency * 50, 50);
  }

  @Test
  void aFlatSeriesOpensNothing() {
    assertThat(AnomalyScan.scan("bot", HOUR, series(last(101, 2, 1.01, 500)), 20)).isEmpty();
  }

  @Test
  void aPerfectlyFlatBaselineWithATinyChangeIsNotAnomalous() {
    List<HourStats> flat = new ArrayList<>();
    for (int i = 24; i >= 1; i--) {
      flat.add(new HourStats("bot", HOUR.minus(Duration.ofHours(i)), 100, 0, 1, 0, 0));
    }
    flat.add(new HourStats("bot", HOUR, 103, 0, 1.02, 0, 0));
    assertThat(AnomalyScan.scan("bot", HOUR, flat, 20)).isEmpty();
  }

  @Test
  void anErrorSpikeIsAnomalousAndOnlyThatMetric() {
    List<AnomalyScan.Anomaly> a =
        AnomalyScan.scan("bot", HOUR, series(last(101, 40, 1.01, 500)), 20);
    assertThat(a).extracting(AnomalyScan.Anomaly::metric).containsExactly("error_rate");
    assertThat(a.get(0).z()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void costLatencyAndVolumeSpikesAreAnomalousAndADropToo() {
    assertThat(AnomalyScan.scan("bot", HOUR, series(last(101, 2, 9.0, 500)), 20))
        .extracting(AnomalyScan.Anomaly::metric)
        .containsExactly("cost_usd");
    assertThat(AnomalyScan.scan("bot", HOUR, series(last(101, 2, 1.01, 4000)), 20))
        .extracting(AnomalyScan.Anomaly::metric)
        .containsExactly("latency_ms");
    List<HourStats> drop = series(last(0, 0, 0, 0));
    drop.set(24, new HourStats("bot", HOUR, 0, 0, 0, 0, 0));
    assertThat(AnomalyScan.scan("bot", HOUR, drop, 20))
        .extracting(AnomalyScan.Anomaly::metric)
        .contains("events", "cost_usd")
        .allSatisfy(m -> assertThat(m).isNotEqualTo("latency_ms"));
  }

  @Test
  void lowVolumeAgentsAreNotTested() {
    List<HourStats> quiet = new ArrayList<>();
    quiet.add(new HourStats("bot", HOUR.minus(Duration.ofHours(3)), 1, 0, 0, 0, 0));
    quiet.add(new HourStats("bot", HOUR, 15, 15, 5, 0, 0));
    assertThat(AnomalyScan.scan("bot", HOUR, quiet, 20)).isEmpty();
    assertThat(AnomalyScan.scan("bot", HOUR, quiet, 10)).isNotEmpty();
  }

  @Test
  void theJobScansEachHourOnceUnderTheLeaseAndDeduplicates() {
    FakeIncidentStores stores = new FakeIncidentStores();
    AtomicReference<Instant> now = new AtomicReference<>(HOUR.plus(Duration.ofMinutes(65)));
    Map<String, String> held = new HashMap<>();
    JobLeases leases =
        new JobLeases() {
          @Override
          public boolean acquire(String job, String owner, Duration ttl) {
            return held.putIfAbsent(job, owner) == null || held.get(job).equals(owner);
          }

          @Override
          public void release(String job, String owner) {
            held.remove(job, owner);
          }
        };
    Map<Instant, List<HourStats>> data = new HashMap<>();
    data.put(HOUR, series(last(101, 40, 1.01, 500)));
    AtomicInteger ids = new AtomicInteger();
    AnomalyJob job =
        new AnomalyJob(
            () -> List.of("org"),
            (org, from, to) -> data.getOrDefault(to.minus(Duration.ofHours(1)), List.of()),
            stores,
            leases,
            now::get,
            () -> "inc_" + ids.incrementAndGet(),
            "me",
            20);
    AnomalyJob other =
        new AnomalyJob(
            () -> List.of("org"),
            (o, f, t) -> List.of(),
            stores,
            leases,
            now::get,
            () -> "x",
            "other",
            20);
    assertThat(job.runOnce()).hasValueSatisfying(l -> assertThat(l).hasSize(1));
    assertThat(job.runOnce()).as("the same hour is scanned once").isEmpty();
    assertThat(other.runOnce()).as("another instance has no lease").isEmpty();
    Incident i = stores.incidents.get("inc_1");
    assertThat(i.triggerType()).isEqualTo(TriggerType.ANOMALY);
    assertThat(i.dedupeKey()).isEqualTo("anomaly|error_rate|bot");
    assertThat(i.details()).contains("\"metric\":\"error_rate\"");

    now.set(now.get().plus(Duration.ofHours(1)));
    data.put(HOUR.plus(Duration.ofHours(1)), shifted(series(last(101, 40, 1.01, 500))));
    assertThat(job.runOnce()).hasValueSatisfying(l -> assertThat(l).hasSize(1));
    assertThat(stores.incidents).as("still anomalous: the open incident is updated").hasSize(1);
    assertThat(stores.incidents.get("inc_1").triggerCount()).isEqualTo(2);
  }

  private static List<HourStats> shifted(List<HourStats> s) {
    return s.stream()
        .map(
            h ->
                new HourStats(
                    h.agentId(),
                    h.hour().plus(Duration.ofHours(1)),
                    h.events(),
                    h.errors(),
                    h.costUsd(),
                    h.latencySumMs(),
                    h.latencyCount()))
        .toList();
  }
}
