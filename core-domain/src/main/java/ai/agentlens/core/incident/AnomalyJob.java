package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.HourStats;
import ai.agentlens.core.incident.model.Incident;
import ai.agentlens.core.incident.model.IncidentSeverity;
import ai.agentlens.core.incident.model.IncidentTrigger;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.incident.HourlyAgentSeries;
import ai.agentlens.core.port.incident.IncidentStore;
import ai.agentlens.core.port.storage.JobLeases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hourly anomaly scan: once per UTC hour, under the {@value #JOB} lease, every org's agents'
 * last full hour is tested with {@link AnomalyScan} against the 24 hours before it, and each
 * anomalous metric records an {@code anomaly} trigger (dedupe key: metric and agent, so an open
 * anomaly incident is updated, not duplicated). Severity is high at |z| ≥ 5, medium otherwise.
 *
 * <p>The lease is held for an hour and renewed by its holder on each run (never released), so one
 * instance scans; this instance remembers the last hour it scanned and never scans an hour twice.
 * When the holder stops, another instance takes over once the lease expires.
 */
public final class AnomalyJob {

  /** The lease name. */
  public static final String JOB = "incident-anomaly";

  /** How long the lease holds without renewal. */
  public static final Duration LEASE = Duration.ofHours(1);

  private final Supplier<List<String>> orgIds;
  private final HourlyAgentSeries series;
  private final IncidentStore store;
  private final JobLeases leases;
  private final Clock clock;
  private final Supplier<String> ids;
  private final String owner;
  private final long minEvents;
  private Instant lastScanned;

  /**
   * Creates the job.
   *
   * @param orgIds every org's id
   * @param series the hourly roll-ups
   * @param store where triggers go
   * @param leases job leases
   * @param clock the time
   * @param ids new incident ids
   * @param owner this instance's unique id
   * @param minEvents the minimum volume an agent needs to be tested
   */
  public AnomalyJob(
      Supplier<List<String>> orgIds,
      HourlyAgentSeries series,
      IncidentStore store,
      JobLeases leases,
      Clock clock,
      Supplier<String> ids,
      String owner,
      long minEvents) {
    this.orgIds = orgIds;
    this.series = series;
    this.store = store;
    this.leases = leases;
    this.clock = clock;
    this.ids = ids;
    this.owner = owner;
    this.minEvents = minEvents;
  }

  /**
   * Scans the last full hour, if this instance holds the lease and has not scanned it yet.
   *
   * @return the incidents opened or updated; empty when there was nothing to do
   */
  public synchronized Optional<List<Incident>> runOnce() {
    Instant hour = clock.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    if (hour.equals(lastScanned) || !leases.acquire(JOB, owner, LEASE)) {
      return Optional.empty();
    }
    lastScanned = hour;
    List<Incident> out = new ArrayList<>();
    Instant from = hour.minus(Duration.ofHours(AnomalyScan.BASELINE_HOURS));
    for (String org : orgIds.get()) {
      Map<String, List<HourStats>> byAgent = new LinkedHashMap<>();
      for (HourStats h : series.hours(org, from, hour.plus(Duration.ofHours(1)))) {
        byAgent.computeIfAbsent(h.agentId(), k -> new ArrayList<>()).add(h);
      }
      byAgent.forEach(
          (agent, hours) -> {
            for (AnomalyScan.Anomaly a : AnomalyScan.scan(agent, hour, hours, minEvents)) {
              out.add(store.record(ids.get(), trigger(org, hour, a)));
            }
          });
    }
    return Optional.of(out);
  }

  private static IncidentTrigger trigger(String org, Instant hour, AnomalyScan.Anomaly a) {
    String details =
        new Details()
            .put("metric", a.metric())
            .put("hour", hour.toString())
            .put("value", a.value())
            .put("baselineMean", a.mean())
            .put("baselineSd", a.sd())
            .put("z", a.z())
            .put("baselineHours", (long) AnomalyScan.BASELINE_HOURS)
            .text();
    return new IncidentTrigger(
        org,
        a.agentId(),
        null,
        TriggerType.ANOMALY,
        IncidentTrigger.key(TriggerType.ANOMALY, a.metric(), a.agentId()),
        "Anomalous "
            + a.metric()
            + " (z = "
            + String.format("%.1f", a.z())
            + ") for "
            + a.agentId(),
        Math.abs(a.z()) >= 5 ? IncidentSeverity.HIGH : IncidentSeverity.MEDIUM,
        hour.plus(Duration.ofHours(1)),
        null,
        details);
  }
}
