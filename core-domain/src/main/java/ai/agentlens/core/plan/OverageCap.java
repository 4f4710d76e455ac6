package ai.agentlens.core.plan;

/**
 * An org's overage cap (FR-61): the most events a month may hold, as a multiple of the quota or as
 * an absolute number of events. Exactly one of the two is set.
 *
 * @param multiplier the cap as a multiple of the monthly quota, or {@code null}
 * @param events the cap in events, or {@code null}
 */
public record OverageCap(Integer multiplier, Long events) {

  /** The default: {@link Tiers#DEFAULT_OVERAGE_CAP_MULTIPLIER} × the quota. */
  public static final OverageCap DEFAULT =
      new OverageCap(Tiers.DEFAULT_OVERAGE_CAP_MULTIPLIER, null);

  /** Requires exactly one of the two. */
  public OverageCap {
    if ((multiplier == null) == (events == null)) {
      throw new IllegalArgumentException("exactly one of multiplier and events");
    }
  }

  /**
   * Returns the cap in events for a quota.
   *
   * @param quota the monthly quota in events
   * @return the most events a month may hold
   */
  public long capEvents(long quota) {
    return events != null ? events : quota * multiplier;
  }
}
