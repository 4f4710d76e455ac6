package ai.agentlens.storage.spi.jdbc;

import java.time.Instant;
import java.util.Comparator;

/**
 * The key of one roll-up row within an org and a table: bucket start, agent, provider and model
 * ({@code ""} for events that are not LLM responses). Ordered by bucket then the three names, the
 * order every writer upserts in, so concurrent writers take row locks in one order.
 *
 * @param bucket start of the UTC hour or day
 * @param agentId the agent
 * @param provider the LLM provider, {@code "unknown"} when the response names none, {@code ""} for
 *     other events
 * @param model the model, same rules
 */
record RollupKey(Instant bucket, String agentId, String provider, String model)
    implements Comparable<RollupKey> {

  private static final Comparator<RollupKey> ORDER =
      Comparator.comparing(RollupKey::bucket)
          .thenComparing(RollupKey::agentId)
          .thenComparing(RollupKey::provider)
          .thenComparing(RollupKey::model);

  @Override
  public int compareTo(RollupKey o) {
    return ORDER.compare(this, o);
  }

  /**
   * Returns the key as {@code agent/provider/model} for messages.
   *
   * @return the text
   */
  String names() {
    return agentId + "/" + provider + "/" + model;
  }
}
