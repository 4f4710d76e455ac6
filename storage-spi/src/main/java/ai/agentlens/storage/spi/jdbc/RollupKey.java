package ai.agentlens.storage.spi.jdbc;

import java.time.Instant;

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

  // why: written out rather than a Comparator.comparing chain, whose lambdas and boxing showed in
  // the ingest profile: a fold compares keys for every event
  @Override
  public int compareTo(RollupKey o) {
    int c = bucket.compareTo(o.bucket);
    if (c == 0) {
      c = agentId.compareTo(o.agentId);
    }
    if (c == 0) {
      c = provider.compareTo(o.provider);
    }
    return c != 0 ? c : model.compareTo(o.model);
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
