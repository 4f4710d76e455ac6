package ai.agentlens.core.memory;

import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.memory.model.SummarySearch;
import ai.agentlens.core.port.memory.SessionSummaryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link SessionSummaryStore} for unit tests; search answers what it was given. */
public final class FakeSummaryStore implements SessionSummaryStore {

  /** Stored summaries by session id. */
  public final Map<String, SessionSummary> rows = new LinkedHashMap<>();

  /** The searches asked. */
  public final List<SummarySearch> searches = new ArrayList<>();

  /** What search answers. */
  public List<SessionSummary> found = List.of();

  @Override
  public void upsert(SessionSummary summary) {
    rows.put(summary.sessionId(), summary);
  }

  @Override
  public Optional<SessionSummary> find(String orgId, String sessionId) {
    return Optional.ofNullable(rows.get(sessionId)).filter(s -> s.orgId().equals(orgId));
  }

  @Override
  public List<SessionSummary> search(SummarySearch search) {
    searches.add(search);
    return found;
  }
}
