package ai.agentlens.core.health;

import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionStatus;
import java.time.Duration;
import java.util.List;

/**
 * What the health score needs from the sessions of one window and the tool events in it.
 *
 * @param sessionCount sessions started in the window
 * @param erroredSessions of those, sessions with at least one error
 * @param completedSessions of those, sessions with status completed
 * @param meanCostUsd mean {@code totalCostUsd} per session, 0 without sessions
 * @param meanDurationMs mean duration of the ended sessions, or {@code null} when none ended
 * @param toolCalls {@code tool_call} events in the window
 * @param toolFailures {@code tool_error} events plus {@code tool_response} events with {@code
 *     isError: true} in the window
 */
public record HealthSample(
    long sessionCount,
    long erroredSessions,
    long completedSessions,
    double meanCostUsd,
    Double meanDurationMs,
    long toolCalls,
    long toolFailures) {

  /**
   * Aggregates sessions; tool counts are added with {@link #withTools}.
   *
   * @param sessions the sessions of the window
   * @return the sample with no tool events
   */
  public static HealthSample of(List<Session> sessions) {
    long errored = 0;
    long completed = 0;
    double cost = 0;
    double duration = 0;
    long ended = 0;
    for (Session s : sessions) {
      errored += s.errorCount() > 0 ? 1 : 0;
      completed += s.status() == SessionStatus.COMPLETED ? 1 : 0;
      cost += s.totalCostUsd();
      if (s.endedAt() != null) {
        duration += Duration.between(s.startedAt(), s.endedAt()).toNanos() / 1_000_000.0;
        ended++;
      }
    }
    int n = sessions.size();
    return new HealthSample(
        n, errored, completed, n == 0 ? 0 : cost / n, ended == 0 ? null : duration / ended, 0, 0);
  }

  /**
   * Returns this sample with tool counts.
   *
   * @param calls {@code tool_call} events
   * @param failures failed tool events
   * @return the new sample
   */
  public HealthSample withTools(long calls, long failures) {
    return new HealthSample(
        sessionCount,
        erroredSessions,
        completedSessions,
        meanCostUsd,
        meanDurationMs,
        calls,
        failures);
  }
}
