package ai.agentlens.core.health;

import ai.agentlens.core.health.snapshot.HealthSnapshot;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.HealthSnapshotStore;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.JobLeases;
import ai.agentlens.core.session.Agent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes each agent's daily health snapshot: under the {@value #JOB} lease (one instance at a
 * time), for every org and every agent of it with a session in the default window that has no
 * snapshot for today (UTC) yet, it scores the agent over {@link AgentHealth#DEFAULT_WINDOW} days
 * and stores the result. Running it again the same day writes nothing new; the store's uniqueness
 * on (org, agent, date) makes that hold even across instances.
 */
public final class SnapshotJob {

  /** The lease name. */
  public static final String JOB = "health-snapshots";

  /** How long the lease holds without renewal. */
  public static final Duration LEASE = Duration.ofMinutes(10);

  private final Supplier<List<String>> orgIds;
  private final AgentStore agents;
  private final AgentHealth health;
  private final HealthSnapshotStore snapshots;
  private final JobLeases leases;
  private final Clock clock;
  private final String owner;

  /**
   * Creates the job.
   *
   * @param orgIds every org's id
   * @param agents the orgs' agents
   * @param health the scorer
   * @param snapshots where snapshots go
   * @param leases the job leases
   * @param clock the time (today's date)
   * @param owner this instance's unique id
   */
  public SnapshotJob(
      Supplier<List<String>> orgIds,
      AgentStore agents,
      AgentHealth health,
      HealthSnapshotStore snapshots,
      JobLeases leases,
      Clock clock,
      String owner) {
    this.orgIds = orgIds;
    this.agents = agents;
    this.health = health;
    this.snapshots = snapshots;
    this.leases = leases;
    this.clock = clock;
    this.owner = owner;
  }

  /**
   * Runs once if this instance gets the lease.
   *
   * @return how many snapshots were written; empty when another instance holds the lease
   */
  public Optional<Integer> runOnce() {
    if (!leases.acquire(JOB, owner, LEASE)) {
      return Optional.empty();
    }
    try {
      return Optional.of(run());
    } finally {
      leases.release(JOB, owner);
    }
  }

  private int run() {
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    int written = 0;
    for (String org : orgIds.get()) {
      Set<String> done = snapshots.agentsOn(org, today);
      for (Agent a : agents.list(org)) {
        if (done.contains(a.id())) {
          continue;
        }
        Optional<AgentHealthReport> r = health.agent(org, a.id(), AgentHealth.DEFAULT_WINDOW);
        if (r.isPresent() && snapshots.saveIfAbsent(org, snapshot(r.get(), today))) {
          written++;
        }
      }
    }
    return written;
  }

  private static HealthSnapshot snapshot(AgentHealthReport r, LocalDate date) {
    return new HealthSnapshot(
        r.agentId(),
        date,
        r.overallScore(),
        score(r, "error_rate"),
        score(r, "cost_efficiency"),
        score(r, "tool_success"),
        score(r, "latency"),
        score(r, "completion_rate"),
        r.sessionCount());
  }

  private static double score(AgentHealthReport r, String name) {
    return r.dimensions().stream()
        .filter(d -> d.name().equals(name))
        .mapToDouble(HealthDimension::score)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("report lacks dimension " + name));
  }
}
