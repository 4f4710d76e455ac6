package ai.agentlens.core.replay;

import ai.agentlens.core.read.ReportedSession;
import java.util.List;

/**
 * A page of a session's replay (reference §4.3.4).
 *
 * @param session the session
 * @param chainValid whether the session's whole hash chain verifies
 * @param totalSteps steps after the type filter, over every page
 * @param steps this page's steps
 * @param offset the page's first step
 * @param limit the page size asked for
 * @param hasMore whether steps follow this page
 * @param summary totals over the whole session
 */
public record Replay(
    ReportedSession session,
    boolean chainValid,
    int totalSteps,
    List<ReplayStep> steps,
    int offset,
    int limit,
    boolean hasMore,
    ReplaySummary summary) {

  /** Copies the steps. */
  public Replay {
    steps = List.copyOf(steps);
  }
}
