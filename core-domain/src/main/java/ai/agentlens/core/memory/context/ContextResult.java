package ai.agentlens.core.memory.context;

import ai.agentlens.core.memory.model.SessionSummary;
import java.util.List;

/**
 * The answer of context: sessions about the topic, most relevant first. Lessons are always empty
 * (reference §4.3.7: they moved to an external service).
 *
 * @param topic the topic asked
 * @param sessions the sessions with their relevance
 * @param semantic whether the sessions came from the semantic source (else from text search)
 */
public record ContextResult(String topic, List<Scored> sessions, boolean semantic) {

  /**
   * A session with its relevance.
   *
   * @param summary the session's summary (with its key events)
   * @param relevanceScore 0..1
   */
  public record Scored(SessionSummary summary, double relevanceScore) {}
}
