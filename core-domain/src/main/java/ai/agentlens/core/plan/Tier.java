package ai.agentlens.core.plan;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What one plan allows (PRD §16, FR-04, FR-10, FR-19, FR-30, FR-57, FR-60). {@link #UNLIMITED}
 * stands for "no limit".
 *
 * @param eventsPerMonth monthly event quota
 * @param eventsPerMinute default rate limit, per key and per org
 * @param retentionDays default event retention
 * @param members members per org
 * @param orgs orgs a user may own on this plan
 * @param apiKeys active API keys per org
 * @param overage whether events beyond the quota are accepted (and billed) up to the cap
 * @param overagePer1k USD per 1,000 events beyond the quota; zero when no overage
 * @param features the features the plan includes (an operator may still override them per org)
 */
public record Tier(
    long eventsPerMonth,
    int eventsPerMinute,
    int retentionDays,
    int members,
    int orgs,
    int apiKeys,
    boolean overage,
    BigDecimal overagePer1k,
    Set<Feature> features) {

  /** Copies the features so the record stays immutable. */
  public Tier {
    features = Set.copyOf(features);
  }

  /** "No limit". */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /**
   * Tells whether a count is limited at all.
   *
   * @param limit a limit of this record
   * @return {@code false} for {@link #UNLIMITED}
   */
  public static boolean limited(long limit) {
    return limit < UNLIMITED;
  }
}
