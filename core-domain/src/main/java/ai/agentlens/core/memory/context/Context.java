package ai.agentlens.core.memory.context;

import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.memory.model.SummarySearch;
import ai.agentlens.core.memory.reflect.Insight;
import ai.agentlens.core.memory.summary.Terms;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.memory.EmbeddingUnavailableException;
import ai.agentlens.core.port.memory.SessionSummaryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Context (reference §4.3.7): the ended sessions about a topic, from their summaries. With a {@link
 * SessionRecall} the sessions come from it first: relevance = similarity + a recency boost of up to
 * {@value #RECENCY_BOOST} that halves every {@value #RECENCY_HALF_LIFE_DAYS} days since the session
 * started (capped at 1), filtered by agent, user and time. When there is no recall, it cannot
 * answer, or nothing it answers passes the filters, text search over the summaries is used: the
 * topic's terms ({@link Terms}), sessions ranked by matching terms, scores falling linearly from
 * 1.0 (first) to 0.5 (last).
 */
public final class Context {

  /** Largest recency boost, for a session that started now. */
  public static final double RECENCY_BOOST = 0.05;

  /** Days after which the boost is half. */
  public static final int RECENCY_HALF_LIFE_DAYS = 30;

  private final SessionSummaryStore summaries;
  private final Optional<SessionRecall> recall;
  private final Clock clock;

  /**
   * Wires the use case.
   *
   * @param summaries the session summaries
   * @param recall the semantic source, if any
   * @param clock the time recency is measured from
   */
  public Context(SessionSummaryStore summaries, Optional<SessionRecall> recall, Clock clock) {
    this.summaries = summaries;
    this.recall = recall;
    this.clock = clock;
  }

  /**
   * Answers a context query.
   *
   * @param q the query
   * @return the sessions, most relevant first, at most {@code q.limit()}
   */
  public ContextResult context(ContextQuery q) {
    if (recall.isPresent()) {
      List<ContextResult.Scored> semantic = semantic(recall.get(), q);
      if (!semantic.isEmpty()) {
        return new ContextResult(q.topic(), semantic, true);
      }
    }
    return new ContextResult(q.topic(), text(q), false);
  }

  private List<ContextResult.Scored> semantic(SessionRecall source, ContextQuery q) {
    List<SessionRecall.Match> matches;
    try {
      matches = source.recall(q, q.limit() * 4);
    } catch (EmbeddingUnavailableException e) {
      return List.of();
    }
    Instant now = clock.now();
    List<ContextResult.Scored> out = new ArrayList<>();
    for (SessionRecall.Match m : matches) {
      summaries
          .find(q.orgId(), m.sessionId())
          .filter(s -> passes(s, q))
          .ifPresent(s -> out.add(new ContextResult.Scored(s, boosted(m.similarity(), s, now))));
    }
    return out.stream()
        .sorted(
            Comparator.comparingDouble(ContextResult.Scored::relevanceScore)
                .reversed()
                .thenComparing(s -> s.summary().sessionId()))
        .limit(q.limit())
        .toList();
  }

  static double boosted(double similarity, SessionSummary s, Instant now) {
    double days = Math.max(0, Duration.between(s.startedAt(), now).toMillis() / 86_400_000.0);
    double boost = RECENCY_BOOST * Math.pow(0.5, days / RECENCY_HALF_LIFE_DAYS);
    return Insight.round(Math.min(1.0, similarity + boost), 4);
  }

  private static boolean passes(SessionSummary s, ContextQuery q) {
    return (q.agentId() == null || q.agentId().equals(s.agentId()))
        && (q.userId() == null || q.userId().equals(s.userId()))
        && (q.from() == null || !s.startedAt().isBefore(q.from()))
        && (q.to() == null || s.startedAt().isBefore(q.to()));
  }

  private List<ContextResult.Scored> text(ContextQuery q) {
    List<String> terms = Terms.distinct(q.topic());
    if (terms.isEmpty()) {
      // why: a topic of short words only ("ci", "db") still searches, as one literal term
      terms = List.of(q.topic().trim().toLowerCase(java.util.Locale.ROOT));
    }
    List<SessionSummary> found =
        summaries.search(
            new SummarySearch(
                q.orgId(), terms, q.agentId(), q.userId(), q.from(), q.to(), q.limit()));
    List<ContextResult.Scored> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      double score = found.size() == 1 ? 1.0 : 1.0 - 0.5 * i / (found.size() - 1);
      out.add(new ContextResult.Scored(found.get(i), Insight.round(score, 4)));
    }
    return out;
  }
}
