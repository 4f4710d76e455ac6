package ai.agentlens.core.health;

/** Direction of an agent's health compared with the previous window. */
public enum HealthTrend {
  /** Score rose by more than {@link HealthScorer#TREND_THRESHOLD}. */
  IMPROVING,
  /** Score moved by at most the threshold either way, or there is no previous window. */
  STABLE,
  /** Score fell by more than {@link HealthScorer#TREND_THRESHOLD}. */
  DEGRADING;

  /**
   * Returns the wire name.
   *
   * @return lower case name
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
