package ai.agentlens.core.memory.context;

import java.util.List;

/**
 * A semantic source of sessions for {@link Context}: sessions whose embedded summaries are closest
 * to a topic. Optional: without one (or when it answers nothing) context falls back to text search
 * over the summaries. An implementation must answer only the query's org and may throw {@link
 * ai.agentlens.core.port.memory.EmbeddingUnavailableException} when it cannot answer now (context
 * then falls back too).
 */
@FunctionalInterface
public interface SessionRecall {

  /**
   * A recalled session.
   *
   * @param sessionId the session
   * @param similarity cosine similarity of its summary to the topic, 0..1
   */
  record Match(String sessionId, double similarity) {}

  /**
   * Finds the sessions closest to the topic.
   *
   * @param query the topic and filters
   * @param candidates how many matches to answer at most
   * @return best first
   */
  List<Match> recall(ContextQuery query, int candidates);
}
