package ai.agentlens.queue.redis;

import redis.clients.jedis.StreamEntryID;

/**
 * A delivery's receipt, {@code <shard>:<entry id>}, read back.
 *
 * @param shard the shard's number
 * @param entryId the entry in the shard's stream
 */
record Receipt(int shard, StreamEntryID entryId) {

  /**
   * Reads a receipt.
   *
   * @param receipt the text
   * @param shards the queue's shard count
   * @return the receipt, or {@code null} when it is not one of this queue's (then nothing is
   *     settled)
   */
  static Receipt parse(String receipt, int shards) {
    int colon = receipt.indexOf(':');
    if (colon < 1 || colon > 4) {
      return null;
    }
    try {
      int shard = Integer.parseInt(receipt.substring(0, colon));
      if (shard < 0 || shard >= shards) {
        return null;
      }
      return new Receipt(shard, new StreamEntryID(receipt.substring(colon + 1)));
    } catch (RuntimeException e) { // why: Jedis parses with split and parseLong
      return null;
    }
  }
}
