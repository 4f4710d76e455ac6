package ai.agentlens.core.read;

import java.util.List;

/**
 * One page of a session listing.
 *
 * @param sessions the page, most recently started first
 * @param total how many sessions match the filter in all pages
 * @param hasMore whether pages follow this one
 */
public record SessionList(List<ReportedSession> sessions, long total, boolean hasMore) {

  /** Copies the page. */
  public SessionList {
    sessions = List.copyOf(sessions);
  }

  /**
   * An empty listing.
   *
   * @return no sessions, total 0
   */
  public static SessionList empty() {
    return new SessionList(List.of(), 0, false);
  }
}
