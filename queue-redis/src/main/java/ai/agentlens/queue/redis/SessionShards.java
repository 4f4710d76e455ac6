package ai.agentlens.queue.redis;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Maps a session to its shard: CRC-32 of {@code orgId + '\n' + sessionId}, modulo the shard count.
 * Stable across processes and versions, so every gateway puts a session's events in the same shard.
 */
final class SessionShards {

  private final int count;

  SessionShards(int count) {
    this.count = count;
  }

  int count() {
    return count;
  }

  /** The shard of one session of one org. */
  int of(String orgId, String sessionId) {
    if (count == 1) {
      return 0;
    }
    CRC32 crc = new CRC32();
    crc.update(orgId.getBytes(StandardCharsets.UTF_8));
    crc.update('\n');
    crc.update(sessionId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % count);
  }

  /** The shard of an envelope whose events all lie in one shard (a part), by its first event. */
  int of(Envelope part) {
    return of(part.orgId(), part.events().get(0).sessionId());
  }

  /**
   * Splits an envelope into one part per shard its events fall in, keeping the events' order within
   * each part and the envelope's org, key and arrival time. An envelope that lies in one shard is
   * returned as it is; otherwise part ids are {@code <envelope id>.<shard>}, so a part keeps its id
   * across redeliveries like an envelope does.
   *
   * @return shard to part, by shard
   */
  TreeMap<Integer, Envelope> split(Envelope envelope) {
    TreeMap<Integer, List<Event>> byShard = new TreeMap<>();
    for (Event e : envelope.events()) {
      byShard.computeIfAbsent(of(e.orgId(), e.sessionId()), s -> new ArrayList<>()).add(e);
    }
    TreeMap<Integer, Envelope> parts = new TreeMap<>();
    if (byShard.size() == 1) {
      parts.put(byShard.firstKey(), envelope);
      return parts;
    }
    byShard.forEach(
        (shard, events) ->
            parts.put(
                shard,
                new Envelope(
                    envelope.id() + "." + shard,
                    envelope.orgId(),
                    envelope.apiKeyId(),
                    envelope.receivedAt(),
                    events)));
    return parts;
  }
}
