package ai.agentlens.core.health;

import ai.agentlens.core.health.snapshot.HealthSnapshot;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.HealthSnapshotStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads an agent's daily health snapshots over the last {@code days} UTC days, today included,
 * oldest first.
 */
public final class HealthHistory {

  /** Fewest days. */
  public static final int MIN_DAYS = 1;

  /** Most days. */
  public static final int MAX_DAYS = 365;

  /** Days when none are given. */
  public static final int DEFAULT_DAYS = 30;

  private final HealthSnapshotStore snapshots;
  private final Clock clock;

  /**
   * Creates the reader.
   *
   * @param snapshots the snapshots
   * @param clock today's date
   */
  public HealthHistory(HealthSnapshotStore snapshots, Clock clock) {
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /**
   * Returns the snapshots of the last {@code days} days.
   *
   * @param orgId the org
   * @param agentId the agent
   * @param days {@value #MIN_DAYS}..{@value #MAX_DAYS}
   * @return ascending by date
   */
  public List<HealthSnapshot> read(String orgId, String agentId, int days) {
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be 1..365");
    }
    LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    return snapshots.history(orgId, agentId, today.minusDays(days - 1L), today);
  }
}
