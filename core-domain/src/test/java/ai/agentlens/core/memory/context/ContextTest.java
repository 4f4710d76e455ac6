package ai.agentlens.core.memory.context;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.memory.FakeSummaryStore;
import ai.agentlens.core.memory.model.Outcome;
import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextTest {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private final FakeSummaryStore store = new FakeSummaryStore();

  private static SessionSummary s(String id, String agent, String user, Instant started) {
    return new SessionSummary(
        "org-1",
        id,
        agent,
        user,
        started,
        null,
        "about " + id,
        List.of(),
        List.of(),
        null,
        Outcome.SUCCESS,
        1,
        0,
        List.of(),
        started);
  }

  private static ContextQuery q(String topic, String agent, String user, int limit) {
    return new ContextQuery("org-1", topic, user, agent, null, null, limit);
  }

  @Test
  void textSearchScoresFallFromOneToAHalfByRank() {
    store.found = List.of(s("a", "x", null, NOW), s("b", "x", null, NOW), s("c", "x", null, NOW));
    Context c = new Context(store, Optional.empty(), () -> NOW);
    ContextResult r = c.context(q("The refund of an ORDER", "x", "u", 5));
    assertThat(r.semantic()).isFalse();
    assertThat(r.sessions())
        .extracting(ContextResult.Scored::relevanceScore)
        .containsExactly(1.0, 0.75, 0.5);
    assertThat(store.searches.get(0).terms()).containsExactly("refund", "order");
    assertThat(store.searches.get(0).agentId()).isEqualTo("x");
    assertThat(store.searches.get(0).userId()).isEqualTo("u");
    assertThat(store.searches.get(0).limit()).isEqualTo(5);
    store.found = List.of(s("a", "x", null, NOW));
    assertThat(c.context(q("ci", null, null, 5)).sessions().get(0).relevanceScore()).isEqualTo(1.0);
    assertThat(store.searches.get(1).terms())
        .as("short words search as one term")
        .containsExactly("ci");
  }

  @Test
  void aSemanticSourceComesFirstWithARecencyBoostAndTheFilters() {
    store.upsert(s("old", "x", "u", NOW.minusSeconds(86_400L * 30)));
    store.upsert(s("new", "x", "u", NOW));
    store.upsert(s("other-agent", "y", "u", NOW));
    store.upsert(s("other-user", "x", "v", NOW));
    SessionRecall recall =
        (query, candidates) ->
            List.of(
                new SessionRecall.Match("old", 0.80),
                new SessionRecall.Match("new", 0.78),
                new SessionRecall.Match("other-agent", 0.99),
                new SessionRecall.Match("other-user", 0.99),
                new SessionRecall.Match("missing", 0.99));
    ContextResult r =
        new Context(store, Optional.of(recall), () -> NOW).context(q("t", "x", "u", 10));
    assertThat(r.semantic()).isTrue();
    assertThat(r.sessions()).extracting(x -> x.summary().sessionId()).containsExactly("new", "old");
    assertThat(r.sessions().get(0).relevanceScore()).isEqualTo(0.83);
    assertThat(r.sessions().get(1).relevanceScore()).isEqualTo(0.825);
    assertThat(store.searches).isEmpty();
  }

  @Test
  void anUnavailableOrEmptySourceFallsBackToText() {
    store.found = List.of(s("a", "x", null, NOW));
    SessionRecall down =
        (query, n) -> {
          throw new EmbeddingUnavailableException("model down", null);
        };
    assertThat(
            new Context(store, Optional.of(down), () -> NOW)
                .context(q("refund", null, null, 3))
                .semantic())
        .isFalse();
    SessionRecall empty = (query, n) -> List.of();
    ContextResult r =
        new Context(store, Optional.of(empty), () -> NOW).context(q("refund", null, null, 3));
    assertThat(r.semantic()).isFalse();
    assertThat(r.sessions()).hasSize(1);
  }

  @Test
  void theBoostHalvesEveryThirtyDaysAndCapsAtOne() {
    assertThat(Context.boosted(0.5, s("a", "x", null, NOW), NOW)).isEqualTo(0.55);
    assertThat(Context.boosted(0.5, s("a", "x", null, NOW.minusSeconds(86_400L * 30)), NOW))
        .isEqualTo(0.525);
    assertThat(Context.boosted(0.99, s("a", "x", null, NOW), NOW)).isEqualTo(1.0);
  }
}
