package ai.agentlens.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.testing.SampleEnvelopes;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SessionShardsTest {

  @Test
  void aSessionsShardIsFixedAcrossProcessesAndVersions() {
    // why: gateways of different versions must agree, or a session's events would be split
    SessionShards shards = new SessionShards(16);
    assertThat(shards.of("org-a", "session-2")).isEqualTo(10);
    assertThat(shards.of("org-b", "session-2")).isEqualTo(11);
    assertThat(shards.of("org-b", "checkout-42")).isEqualTo(12);
    assertThat(new SessionShards(1).of("org-a", "session-1")).isZero();
  }

  @Test
  void anEnvelopeInOneShardIsKeptWholeAndOthersSplitByShard() {
    SessionShards shards = new SessionShards(8);
    Envelope single = SampleEnvelopes.realistic("org-a", 5);
    assertThat(shards.split(single)).containsOnlyKeys(shards.of(single)).containsValue(single);

    Envelope mixed = SampleEnvelopes.acrossSessions("org-a", 40);
    TreeMap<Integer, Envelope> parts = shards.split(mixed);
    assertThat(parts.size()).isGreaterThan(1);
    parts.forEach(
        (shard, part) -> {
          assertThat(part.id()).isEqualTo(mixed.id() + "." + shard);
          assertThat(part.events())
              .allSatisfy(e -> assertThat(shards.of(e.orgId(), e.sessionId())).isEqualTo(shard));
          assertThat(shards.of(part)).isEqualTo(shard);
        });
    assertThat(parts.values().stream().mapToInt(p -> p.events().size()).sum()).isEqualTo(40);
  }
}
