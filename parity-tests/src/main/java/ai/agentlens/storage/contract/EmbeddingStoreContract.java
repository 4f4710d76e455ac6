package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.core.memory.VectorRanking;
import ai.agentlens.core.memory.model.EmbeddingFilter;
import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.port.memory.EmbeddingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link EmbeddingStore} contract: an upsert replaces the row of the same (org, source type,
 * source id, model); orgs and models never see each other's vectors; the filters (source types,
 * agent, from/to inclusive) hold; matches come best first by cosine similarity with ties by newer
 * {@code createdAt} then {@code sourceId}; only the newest {@code candidates} rows are ranked;
 * vectors read back bit-exact at any dimension; deleting an org or purging past retention removes
 * its rows. The same on every backend, whether it ranks in the database or in process.
 */
public abstract class EmbeddingStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");
  private static final String M = "test-model";

  private EmbeddingStore store() {
    return provider.embeddings();
  }

  /** An embedding of {@code text} with its vector, at {@code T + seconds}. */
  static StoredEmbedding emb(
      String org, String type, String id, String agent, String model, float[] v, long seconds) {
    return new StoredEmbedding(
        org,
        type,
        id,
        "session-" + id,
        agent,
        "text of " + id,
        "hash-" + id,
        model,
        v,
        T.plusSeconds(seconds));
  }

  private static float[] v(float... xs) {
    return xs;
  }

  private List<EmbeddingMatch> nearest(String org, float[] q, int candidates, int limit) {
    return store()
        .nearest(new EmbeddingFilter(org, M, Set.of(), null, null, null), q, candidates, limit);
  }

  private static List<String> ids(List<EmbeddingMatch> ms) {
    return ms.stream().map(m -> m.embedding().sourceId()).toList();
  }

  @Test
  void upsertReplacesTheRowOfTheSameKey() {
    String org = newOrg().id();
    store().upsert(List.of(emb(org, "event", "e1", "a", M, v(1, 0, 0), 0)));
    StoredEmbedding newer =
        new StoredEmbedding(
            org, "event", "e1", "s2", "b", "changed", "hash-2", M, v(0, 1, 0), T.plusSeconds(5));
    store().upsert(List.of(newer));
    assertThat(store().count(org)).isEqualTo(1);
    List<EmbeddingMatch> got = nearest(org, v(0, 1, 0), 10, 10);
    assertThat(got).hasSize(1);
    StoredEmbedding e = got.get(0).embedding();
    assertThat(e.text()).isEqualTo("changed");
    assertThat(e.sessionId()).isEqualTo("s2");
    assertThat(e.agentId()).isEqualTo("b");
    assertThat(e.contentHash()).isEqualTo("hash-2");
    assertThat(e.createdAt()).isEqualTo(T.plusSeconds(5));
    assertThat(got.get(0).score()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void oneCallMayHoldSeveralOrgsAndRepeatAKey() {
    String a = newOrg().id();
    String b = newOrg().id();
    store()
        .upsert(
            List.of(
                emb(a, "event", "x", null, M, v(1, 0), 0),
                emb(b, "event", "x", null, M, v(0, 1), 0),
                emb(a, "event", "x", null, M, v(1, 1), 1)));
    assertThat(store().count(a)).isEqualTo(1);
    assertThat(store().count(b)).isEqualTo(1);
    assertThat(nearest(a, v(1, 1), 10, 10).get(0).embedding().vector()).containsExactly(1f, 1f);
  }

  @Test
  void anotherOrgOrNoOrgSeesNothing() {
    String a = newOrg().id();
    String b = newOrg().id();
    store().upsert(List.of(emb(a, "event", "same-id", null, M, v(1, 0), 0)));
    store().upsert(List.of(emb(b, "event", "other", null, M, v(1, 0), 0)));
    assertThat(ids(nearest(a, v(1, 0), 100, 100))).containsExactly("same-id");
    assertThat(ids(nearest(b, v(1, 0), 100, 100))).containsExactly("other");
    assertThat(nearest(null, v(1, 0), 100, 100)).isEmpty();
    assertThat(nearest(" ", v(1, 0), 100, 100)).isEmpty();
    assertThat(store().count(null)).isZero();
    assertThat(store().count(id("org"))).isZero();
  }

  @Test
  void vectorsOfAnotherModelNeverCompare() {
    String org = newOrg().id();
    store()
        .upsert(
            List.of(
                emb(org, "event", "e1", null, M, v(1, 0, 0, 0), 0),
                emb(org, "event", "e1", null, "other-model", v(1, 0, 0), 0),
                emb(org, "event", "e2", null, "other-model", v(0, 1, 0), 0)));
    assertThat(store().count(org)).isEqualTo(3);
    assertThat(ids(nearest(org, v(1, 0, 0, 0), 100, 100))).containsExactly("e1");
    List<EmbeddingMatch> other =
        store()
            .nearest(
                new EmbeddingFilter(org, "other-model", Set.of(), null, null, null),
                v(0, 1, 0),
                100,
                100);
    assertThat(ids(other)).containsExactly("e2", "e1");
    assertThat(other.get(0).embedding().model()).isEqualTo("other-model");
  }

  @Test
  void filtersBySourceTypeAgentAndInclusiveTimeRange() {
    String org = newOrg().id();
    store()
        .upsert(
            List.of(
                emb(org, "event", "e0", "bot", M, v(1, 0), 0),
                emb(org, "event", "e1", "other", M, v(1, 0), 10),
                emb(org, "session", "s2", "bot", M, v(1, 0), 20),
                emb(org, "event", "e3", "bot", M, v(1, 0), 30)));
    float[] q = v(1, 0);
    assertThat(ids(find(org, Set.of("session"), null, null, null, q))).containsExactly("s2");
    assertThat(ids(find(org, Set.of("event"), null, null, null, q)))
        .containsExactly("e3", "e1", "e0");
    assertThat(ids(find(org, Set.of("event", "session"), "bot", null, null, q)))
        .containsExactly("e3", "s2", "e0");
    assertThat(ids(find(org, Set.of(), null, T.plusSeconds(10), T.plusSeconds(20), q)))
        .as("from and to are inclusive")
        .containsExactly("s2", "e1");
    assertThat(ids(find(org, Set.of("event"), "bot", T.plusSeconds(1), null, q)))
        .containsExactly("e3");
    assertThat(find(org, Set.of("lesson"), null, null, null, q)).isEmpty();
  }

  private List<EmbeddingMatch> find(
      String org, Set<String> types, String agent, Instant from, Instant to, float[] q) {
    return store().nearest(new EmbeddingFilter(org, M, types, agent, from, to), q, 100, 100);
  }

  @Test
  void bestFirstWithTiesByNewerThenSourceId() {
    String org = newOrg().id();
    store()
        .upsert(
            List.of(
                emb(org, "event", "s-a", null, M, v(1, 0, 0, 0), 0),
                emb(org, "event", "s-b", null, M, v(1, 1, 0, 0), 0),
                emb(org, "event", "s-c", null, M, v(0, 1, 0, 0), 0),
                emb(org, "event", "s-d", null, M, v(-1, 0, 0, 0), 0),
                emb(org, "event", "s-f", null, M, v(3, 0, 0, 0), 60),
                emb(org, "event", "s-e", null, M, v(2, 0, 0, 0), 60)));
    List<EmbeddingMatch> got = nearest(org, v(1, 0, 0, 0), 100, 100);
    assertThat(ids(got)).containsExactly("s-e", "s-f", "s-a", "s-b", "s-c", "s-d");
    assertThat(got.stream().map(EmbeddingMatch::score).toList())
        .satisfiesExactly(
            s -> assertThat(s).isCloseTo(1.0, within(1e-9)),
            s -> assertThat(s).isCloseTo(1.0, within(1e-9)),
            s -> assertThat(s).isCloseTo(1.0, within(1e-9)),
            s -> assertThat(s).isCloseTo(Math.sqrt(0.5), within(1e-9)),
            s -> assertThat(s).isCloseTo(0.0, within(1e-9)),
            s -> assertThat(s).isCloseTo(-1.0, within(1e-9)));
    assertThat(ids(nearest(org, v(1, 0, 0, 0), 100, 2))).containsExactly("s-e", "s-f");
  }

  @Test
  void theBestOfManyCandidatesAreFoundWhereverTheyAre() {
    String org = newOrg().id();
    Random r = new Random(7);
    List<StoredEmbedding> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      float[] x = new float[8];
      for (int j = 0; j < x.length; j++) {
        x[j] = (float) r.nextGaussian();
      }
      rows.add(emb(org, "event", "m" + i, null, M, x, i % 50));
    }
    store().upsert(rows);
    float[] q = rows.get(123).vector().clone();
    q[0] += 0.25f;
    List<String> expected =
        rows.stream()
            .map(e -> new EmbeddingMatch(e, VectorRanking.cosine(q, e.vector())))
            .sorted(VectorRanking.BEST_FIRST)
            .limit(5)
            .map(m -> m.embedding().sourceId())
            .toList();
    assertThat(ids(nearest(org, q, 1000, 5))).containsExactlyElementsOf(expected);
    assertThat(expected.get(0)).isEqualTo("m123");
  }

  @Test
  void anAllZeroVectorScoresZeroAndRanksAboveOpposites() {
    String org = newOrg().id();
    store()
        .upsert(
            List.of(
                emb(org, "event", "same", null, M, v(1, 0), 0),
                emb(org, "event", "zero", null, M, v(0, 0), 1),
                emb(org, "event", "opposite", null, M, v(-1, 0), 2)));
    List<EmbeddingMatch> got = nearest(org, v(1, 0), 10, 10);
    assertThat(ids(got)).containsExactly("same", "zero", "opposite");
    assertThat(got.get(1).score()).isZero();
    assertThat(ids(nearest(org, v(0, 0), 10, 10)))
        .as("an all-zero query scores 0 against everything: newest first")
        .containsExactly("opposite", "zero", "same");
    assertThat(ids(nearest(org, v(0, 0), 10, 1))).containsExactly("opposite");
  }

  @Test
  void onlyTheNewestCandidatesAreRanked() {
    String org = newOrg().id();
    List<StoredEmbedding> rows = new ArrayList<>();
    rows.add(emb(org, "event", "oldest-best", null, M, v(1, 0), 0));
    for (int i = 1; i <= 4; i++) {
      rows.add(emb(org, "event", "n" + i, null, M, v(1, i), i));
    }
    store().upsert(rows);
    assertThat(ids(nearest(org, v(1, 0), 5, 1))).containsExactly("oldest-best");
    assertThat(ids(nearest(org, v(1, 0), 4, 10))).containsExactly("n1", "n2", "n3", "n4");
    assertThat(ids(nearest(org, v(1, 0), 2, 10))).containsExactly("n3", "n4");
  }

  @Test
  void vectorsReadBackBitExactAtAnyDimension() {
    String org = newOrg().id();
    Random r = new Random(42);
    float[] big = new float[1536];
    for (int i = 0; i < big.length; i++) {
      big[i] = (float) r.nextGaussian();
    }
    big[0] = -0.0f;
    big[1] = Float.MIN_VALUE;
    big[2] = Float.MAX_VALUE / 4;
    big[3] = -1.1754942E-38f;
    float[] one = {0.3f};
    store()
        .upsert(
            List.of(
                emb(org, "event", "big", null, M, big, 0),
                emb(org, "event", "one", null, M, one, 0)));
    float[] got = nearest(org, big, 10, 10).get(0).embedding().vector();
    assertThat(got).hasSize(1536);
    for (int i = 0; i < big.length; i++) {
      assertThat(Float.floatToRawIntBits(got[i]))
          .as("bits of component %d", i)
          .isEqualTo(Float.floatToRawIntBits(big[i]));
    }
    assertThat(ids(nearest(org, big, 10, 10)))
        .as("a query of one dimension never meets vectors of another")
        .containsExactly("big");
    assertThat(nearest(org, new float[] {5f}, 10, 10).get(0).embedding().vector())
        .containsExactly(0.3f);
    assertThat(nearest(org, big, 10, 10).get(0).embedding().createdAt()).isEqualTo(T);
  }

  @Test
  void countsAnOrgsEmbeddings() {
    String org = newOrg().id();
    assertThat(store().count(org)).isZero();
    List<StoredEmbedding> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(emb(org, i % 2 == 0 ? "event" : "session", "c" + i, null, M, v(1, i), i));
    }
    store().upsert(rows);
    store().upsert(rows.subList(0, 5));
    assertThat(store().count(org)).isEqualTo(25);
    store().upsert(List.of());
    assertThat(store().count(org)).isEqualTo(25);
  }

  @Test
  void deletingTheOrgRemovesItsEmbeddings() {
    String org = newOrg().id();
    String kept = newOrg().id();
    store()
        .upsert(
            List.of(
                emb(org, "event", "e1", null, M, v(1, 0), 0),
                emb(kept, "event", "e1", null, M, v(1, 0), 0)));
    assertThat(stores.orgs().delete(org)).isTrue();
    assertThat(store().count(org)).isZero();
    assertThat(nearest(org, v(1, 0), 10, 10)).isEmpty();
    assertThat(store().count(kept)).isEqualTo(1);
  }

  @Test
  void theRetentionPurgeRemovesEmbeddingsOfSourcesBeforeTheCutoff() {
    String org = newOrg().id();
    String other = newOrg().id();
    store()
        .upsert(
            List.of(
                emb(org, "event", "old", null, M, v(1, 0), 0),
                emb(org, "session", "at-cutoff", null, M, v(1, 0), 100),
                emb(other, "event", "old", null, M, v(1, 0), 0)));
    Instant cutoff = T.plusSeconds(100);
    provider.retentionPurge().purgeDerived(org, cutoff, cutoff);
    assertThat(ids(nearest(org, v(1, 0), 10, 10))).containsExactly("at-cutoff");
    assertThat(store().count(other)).isEqualTo(1);
  }
}
