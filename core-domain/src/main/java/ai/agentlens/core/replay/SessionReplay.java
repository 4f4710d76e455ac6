package ai.agentlens.core.replay;

import ai.agentlens.core.read.SessionReads;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.read.Timeline;
import java.util.Optional;

/**
 * The session replay use case (reference §4.3.4) the API, the dashboard and MCP share: reads the
 * session and its whole timeline (verifying the hash chain), then builds the asked-for page. A
 * plain class with no framework, thread-safe; reads only. Errors are the stores'.
 */
public final class SessionReplay {

  private final SessionReads sessions;
  private final SessionTimeline timelines;

  /**
   * Creates the use case.
   *
   * @param sessions session reads
   * @param timelines chain-verified timelines
   */
  public SessionReplay(SessionReads sessions, SessionTimeline timelines) {
    this.sessions = sessions;
    this.timelines = timelines;
  }

  /**
   * Replays a session.
   *
   * @param orgId the caller's org; another org's session is not found
   * @param sessionId the session
   * @param query page, filter, context
   * @return the replay, or empty when the org has no such session
   */
  public Optional<Replay> replay(String orgId, String sessionId, ReplayQuery query) {
    var session = sessions.find(orgId, sessionId);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    Optional<Timeline> timeline = timelines.read(orgId, sessionId, 0, SessionTimeline.ALL);
    if (timeline.isEmpty()) {
      return Optional.empty();
    }
    ReplayBuilder.Page page = ReplayBuilder.build(timeline.get().events(), query);
    return Optional.of(
        new Replay(
            session.get(),
            timeline.get().chain().valid(),
            page.totalSteps(),
            page.steps(),
            query.offset(),
            query.limit(),
            page.hasMore(),
            page.summary()));
  }
}
