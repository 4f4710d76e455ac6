package ai.agentlens.core.read;

import java.util.List;

/**
 * One page of a session listing.
 *
 * @param sessions the page, most recently started first
 * @param hasMore whether pages follow this one
 */
public record SessionList(List<ReportedSession> sessions, boolean hasMore) {

  /** Copies the page. */
  public SessionList {
    sessions = List.copyOf(sessions);
  }
}
