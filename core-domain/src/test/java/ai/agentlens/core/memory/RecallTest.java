package ai.agentlens.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.memory.model.StoredEmbedding;
import ai.agentlens.core.port.memory.EmbeddingModel;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecallTest {

  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private final BagOfWords model =
      new BagOfWords("refund", "money", "back", "shipping", "late", "summary");
  private InMemoryEmbeddingStore store;
  private Recall recall;

  @BeforeEach
  void load() {
    store = new InMemoryEmbeddingStore();
    recall = new Recall(store, Optional.of(model));
    store.upsert(
        List.of(
            emb("org", "event", "refund", "a", "refund money back", 0),
            emb("org", "event", "shipping", "a", "shipping late", 10),
            emb("org", "session", "s1", "b", "summary refund", 20),
            emb("org", "event", "half", "a", "money shipping", 30),
            emb("other", "event", "theirs", "a", "refund money back", 0)));
  }

  private StoredEmbedding emb(
      String org, String type, String id, String agent, String text, long s) {
    return new StoredEmbedding(
        org,
        type,
        id,
        "sess",
        agent,
        text,
        "h",
        model.name(),
        model.vector(text),
        T.plusSeconds(s));
  }

  private static List<String> ids(RecallResult r) {
    return r.results().stream().map(RecallHit::sourceId).toList();
  }

  private RecallQuery query(RecallScope scope, String agent, int limit, double minScore) {
    return new RecallQuery("refund money back", scope, agent, null, null, limit, minScore);
  }

  @Test
  void ranksByCosineBestFirstWithScoresToFourPlaces() {
    RecallResult r = recall.recall("org", RecallQuery.of("refund money back"));
    assertThat(ids(r))
        .as("equal scores: the newer first")
        .containsExactly("refund", "half", "s1", "shipping");
    assertThat(r.results().stream().map(RecallHit::score).toList())
        .containsExactly(1.0, 0.4082, 0.4082, 0.0);
    RecallHit first = r.results().get(0);
    assertThat(first.text()).isEqualTo("refund money back");
    assertThat(first.embeddingModel()).isEqualTo("bag-of-words");
    assertThat(first.createdAt()).isEqualTo(T);
    assertThat(r.totalResults()).isEqualTo(4);
    assertThat(r.query()).isEqualTo("refund money back");
    assertThat(store.candidatesAsked).containsExactly(RecallQuery.CANDIDATES);
  }

  @Test
  void minScoreAndLimitCut() {
    assertThat(ids(recall.recall("org", query(RecallScope.ALL, null, 10, 0.5))))
        .containsExactly("refund");
    assertThat(ids(recall.recall("org", query(RecallScope.ALL, null, 10, 0.40824))))
        .as("the threshold compares the unrounded score 0.408248…, not 0.4082")
        .containsExactly("refund", "half", "s1");
    assertThat(ids(recall.recall("org", query(RecallScope.ALL, null, 10, 0.40825))))
        .containsExactly("refund");
    assertThat(ids(recall.recall("org", query(RecallScope.ALL, null, 2, 0))))
        .containsExactly("refund", "half");
    assertThat(ids(recall.recall("org", query(RecallScope.ALL, null, 10, 1))))
        .containsExactly("refund");
  }

  @Test
  void scopeAndAgentPickTheSources() {
    assertThat(ids(recall.recall("org", query(RecallScope.EVENTS, null, 10, 0))))
        .containsExactly("refund", "half", "shipping");
    assertThat(ids(recall.recall("org", query(RecallScope.SESSIONS, null, 10, 0))))
        .containsExactly("s1");
    assertThat(ids(recall.recall("org", query(RecallScope.ALL, "b", 10, 0)))).containsExactly("s1");
    RecallResult lessons = recall.recall("org", query(RecallScope.LESSONS, null, 10, 0));
    assertThat(lessons.results()).isEmpty();
    assertThat(lessons.deprecatedScope()).isTrue();
  }

  @Test
  void timeRangeIsInclusive() {
    RecallQuery q =
        new RecallQuery(
            "money", RecallScope.ALL, null, T.plusSeconds(10), T.plusSeconds(30), 10, 0);
    assertThat(ids(recall.recall("org", q))).containsExactly("half", "s1", "shipping");
  }

  @Test
  void anotherOrgsEmbeddingsNeverAnswer() {
    assertThat(ids(recall.recall("other", RecallQuery.of("refund")))).containsExactly("theirs");
    assertThat(recall.recall("nobody", RecallQuery.of("refund")).results()).isEmpty();
  }

  @Test
  void withoutAModelRecallIsUnavailableButLessonsStillAnswer() {
    Recall none = new Recall(store, Optional.empty());
    assertThat(none.available()).isFalse();
    assertThatThrownBy(() -> none.recall("org", RecallQuery.of("x")))
        .isInstanceOf(EmbeddingUnavailableException.class)
        .hasMessage(Recall.NOT_CONFIGURED);
    assertThat(none.recall("org", query(RecallScope.LESSONS, null, 10, 0)).results()).isEmpty();
  }

  @Test
  void aModelAnsweringTheWrongDimensionIsUnavailable() {
    EmbeddingModel broken =
        new EmbeddingModel() {
          @Override
          public String name() {
            return "bag-of-words";
          }

          @Override
          public int dimension() {
            return 6;
          }

          @Override
          public List<float[]> embed(List<String> texts) {
            return List.of(new float[3]);
          }
        };
    assertThatThrownBy(
            () -> new Recall(store, Optional.of(broken)).recall("org", RecallQuery.of("x")))
        .isInstanceOf(EmbeddingUnavailableException.class);
  }

  @Test
  void queriesOutOfRangeAreRefused() {
    assertThatThrownBy(() -> RecallQuery.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecallQuery("x", RecallScope.ALL, null, null, null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecallQuery("x", RecallScope.ALL, null, null, null, 101, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecallQuery("x", RecallScope.ALL, null, null, null, 10, 1.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RecallQuery("x", RecallScope.ALL, null, null, null, 10, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RecallQuery("x", RecallScope.ALL, null, T.plusSeconds(1), T, 10, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RecallScope.parse(" Sessions ")).contains(RecallScope.SESSIONS);
    assertThat(RecallScope.parse("lesson")).isEmpty();
  }

  @Test
  void roundsHalfUp() {
    assertThat(Recall.round4(0.12345)).isEqualTo(0.1235);
    assertThat(Recall.round4(-0.00004)).isEqualTo(-0.0);
    assertThat(Recall.round4(1.0)).isEqualTo(1.0);
  }
}
