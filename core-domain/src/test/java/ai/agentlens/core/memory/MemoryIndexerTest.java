package ai.agentlens.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingStore;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The embedding worker against an in-memory store and a counting model: what is embedded, batch
 * sizes, the bounded backlog, failures, de-duplication, session summaries and the thread.
 */
class MemoryIndexerTest {

  /** A deterministic 2-dimensional model that records its batches and can be made to fail. */
  static final class CountingModel implements EmbeddingModel {
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();

    @Override
    public String name() {
      return "test-model";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      if (down.get()) {
        throw new EmbeddingUnavailableException("down", null);
      }
      batches.add(texts.size());
      List<float[]> out = new ArrayList<>();
      texts.forEach(t -> out.add(new float[] {t.length(), 1}));
      return out;
    }
  }

  /** Keeps upserted rows by (org, type, id, model). */
  static final class MapStore implements EmbeddingStore {
    final Map<String, StoredEmbedding> rows = new ConcurrentHashMap<>();

    @Override
    public boolean rankedInDatabase() {
      return false;
    }

    @Override
    public void upsert(List<StoredEmbedding> embeddings) {
      embeddings.forEach(
          e ->
              rows.put(e.orgId() + "/" + e.sourceType() + "/" + e.sourceId() + "/" + e.model(), e));
    }

    @Override
    public List<EmbeddingMatch> nearest(
        EmbeddingFilter filter, float[] vector, int candidates, int limit) {
      throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public long count(String orgId) {
      return rows.values().stream().filter(e -> e.orgId().equals(orgId)).count();
    }
  }

  private final CountingModel model = new CountingModel();
  private final MapStore store = new MapStore();

  private MemoryIndexer indexer(int backlog) {
    return new MemoryIndexer(
        EmbeddingModels.of(model), store, new IndexerSettings(backlog, 32, Duration.ofMillis(50)));
  }

  private static List<EventBatch> calls(String org, int n) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(
          Event.unwritten(
              org + "-e" + i,
              org,
              "s1",
              "a1",
              EventType.TOOL_CALL,
              Severity.INFO,
              Instant.parse("2026-01-01T00:00:00Z"),
              "{\"toolName\":\"t" + i + "\",\"callId\":\"c\",\"arguments\":{}}",
              "{}"));
    }
    events.add(
        Event.unwritten(
            org + "-start",
            org,
            "s1",
            "a1",
            EventType.SESSION_STARTED,
            Severity.INFO,
            Instant.parse("2026-01-01T00:00:00Z"),
            "{}",
            "{}"));
    return List.of(new EventBatch(org, null, events));
  }

  @Test
  void storedEventsAreSummarisedEmbeddedInBatchesOf32AndUpserted() {
    MemoryIndexer indexer = indexer(1000);
    indexer.stored(calls("o1", 70));
    assertThat(indexer.stats().backlog()).isEqualTo(71);
    assertThat(indexer.drainNow()).isEqualTo(70);
    assertThat(model.batches).allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(32));
    assertThat(store.count("o1")).isEqualTo(70);
    StoredEmbedding row = store.rows.get("o1/event/o1-e3/test-model");
    assertThat(row.text()).isEqualTo("tool_call: t3({})");
    assertThat(row.sessionId()).isEqualTo("s1");
    assertThat(row.agentId()).isEqualTo("a1");
    assertThat(row.contentHash()).hasSize(64);
    assertThat(row.vector()).containsExactly(row.text().length(), 1);
    assertThat(indexer.stats()).isEqualTo(new IndexerStats(0, 70, 0, 0, 0));
  }

  @Test
  void aFullBacklogDropsAndCountsWithoutBlocking() {
    MemoryIndexer indexer = indexer(10);
    long start = System.nanoTime();
    indexer.stored(calls("o1", 25));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(indexer.stats().backlog()).isEqualTo(10);
    assertThat(indexer.stats().dropped()).isEqualTo(16);
  }

  @Test
  void aFailingModelCountsFailuresAndTheWorkerGoesOn() {
    MemoryIndexer indexer = indexer(1000);
    model.down.set(true);
    indexer.stored(calls("o1", 5));
    assertThat(indexer.drainNow()).isZero();
    assertThat(indexer.stats().failed()).isEqualTo(5);
    model.down.set(false);
    indexer.stored(calls("o2", 3));
    assertThat(indexer.drainNow()).isEqualTo(3);
    assertThat(store.count("o1")).isZero();
    assertThat(store.count("o2")).isEqualTo(3);
  }

  @Test
  void anUnchangedTextOfTheSameSourceIsNotEmbeddedTwice() {
    MemoryIndexer indexer = indexer(1000);
    indexer.stored(calls("o1", 4));
    indexer.drainNow();
    indexer.stored(calls("o1", 4)); // a redelivery: same ids, same texts
    assertThat(indexer.drainNow()).isZero();
    assertThat(indexer.stats().skipped()).isEqualTo(4);
    assertThat(indexer.indexSession("o1", "s1", "a1", "refunds went fine", Instant.EPOCH)).isTrue();
    indexer.drainNow();
    assertThat(indexer.indexSession("o1", "s1", "a1", "refunds went badly", Instant.EPOCH))
        .isTrue();
    assertThat(indexer.drainNow()).isEqualTo(1);
    assertThat(store.rows.get("o1/session/s1/test-model").text()).isEqualTo("refunds went badly");
  }

  @Test
  void withoutAModelNothingIsQueued() {
    MemoryIndexer off = new MemoryIndexer(EmbeddingModels.none(), store, IndexerSettings.DEFAULTS);
    off.stored(calls("o1", 3));
    assertThat(off.indexSession("o1", "s1", null, "x", Instant.EPOCH)).isFalse();
    assertThat(off.stats().backlog()).isZero();
    assertThat(EmbeddingModels.none().current()).isEmpty();
  }

  @Test
  void theWorkerThreadEmbedsAPartialBatchAfterTheFlushInterval() throws Exception {
    MemoryIndexer indexer = indexer(1000);
    indexer.start(r -> new Thread(r, "embedding-test"));
    try {
      indexer.stored(calls("o1", 3));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.count("o1") < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(store.count("o1")).isEqualTo(3);
      assertThat(model.batches).containsExactly(3);
    } finally {
      indexer.close();
    }
  }
}
