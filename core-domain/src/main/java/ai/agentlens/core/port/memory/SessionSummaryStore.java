package ai.agentlens.core.port.memory;

import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.memory.model.SummarySearch;
import java.util.List;
import java.util.Optional;

/**
 * The summaries of ended sessions, one per (org, session). Thread-safe; every method names its org
 * and never reads or changes another org's rows (a {@code null} or blank org reads nothing).
 * Errors: {@link ai.agentlens.core.error.StorageUnavailableException}.
 */
public interface SessionSummaryStore {

  /**
   * Stores a summary, replacing the session's earlier one (a session ended twice keeps the latest
   * summary). Idempotent: the same summary stored twice leaves one row.
   *
   * @param summary the summary
   */
  void upsert(SessionSummary summary);

  /**
   * Reads one session's summary.
   *
   * @param orgId the org
   * @param sessionId the session
   * @return it, or empty when none is stored
   */
  Optional<SessionSummary> find(String orgId, String sessionId);

  /**
   * Text search: the summaries whose summary, topics, tools or error text contain at least one of
   * the terms (case-insensitively, as literal substrings), within the filters; ordered by how many
   * terms match (most first), then newest {@code startedAt} first, then session id.
   *
   * @param search the terms and filters
   * @return at most {@code search.limit()} summaries
   */
  List<SessionSummary> search(SummarySearch search);
}
