package ai.agentlens.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.agentlens.core.memory.model.EmbeddingMatch;
import ai.agentlens.core.memory.model.StoredEmbedding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorRankingTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static StoredEmbedding e(String id, long s, float... v) {
    return new StoredEmbedding("o", "event", id, null, null, id, "h", "m", v, T.plusSeconds(s));
  }

  @Test
  void cosineOfKnownVectors() {
    assertThat(VectorRanking.cosine(new float[] {1, 0}, new float[] {5, 0})).isEqualTo(1.0);
    assertThat(VectorRanking.cosine(new float[] {1, 0}, new float[] {0, 2})).isEqualTo(0.0);
    assertThat(VectorRanking.cosine(new float[] {1, 0}, new float[] {-3, 0})).isEqualTo(-1.0);
    assertThat(VectorRanking.cosine(new float[] {1, 1}, new float[] {1, 0}))
        .isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(VectorRanking.cosine(new float[] {0, 0}, new float[] {1, 0})).isEqualTo(0.0);
    assertThatThrownBy(() -> VectorRanking.cosine(new float[2], new float[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tiesGoToTheNewerThenTheSmallerSourceId() {
    TopMatches top = new TopMatches(new float[] {1, 0}, 10);
    top.offer(e("b", 0, 1, 0));
    top.offer(e("a", 0, 2, 0));
    top.offer(e("c", 5, 1, 0));
    top.offer(e("low", 9, 0, 1));
    assertThat(top.best().stream().map(m -> m.embedding().sourceId()))
        .containsExactly("c", "a", "b", "low");
  }

  @Test
  void keepsTheBestLimitOfAnyStreamAsAFullSortWould() {
    Random r = new Random(7);
    float[] q = {1, 2, 3, 4};
    List<EmbeddingMatch> all = new ArrayList<>();
    TopMatches top = new TopMatches(q, 25);
    for (int i = 0; i < 2000; i++) {
      float[] v = {r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)};
      StoredEmbedding x = e("id" + i, r.nextInt(50), v);
      top.offer(x);
      all.add(new EmbeddingMatch(x, VectorRanking.cosine(q, v)));
    }
    all.sort(VectorRanking.BEST_FIRST);
    assertThat(top.best()).containsExactlyElementsOf(all.subList(0, 25));
  }
}
