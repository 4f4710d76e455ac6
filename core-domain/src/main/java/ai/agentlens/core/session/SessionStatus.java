package ai.agentlens.core.session;

/**
 * A session's status (reference §1.9). {@link #ACTIVE}, {@link #COMPLETED} and {@link #ERROR} are
 * stored; {@link #IDLE} is only reported, for an active session whose last event is old.
 */
public enum SessionStatus {
  ACTIVE,
  IDLE,
  COMPLETED,
  ERROR
}
