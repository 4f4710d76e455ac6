package ai.agentlens.core.read;

import ai.agentlens.core.session.Session;
import ai.agentlens.core.session.SessionStatus;

/**
 * A session with the status it is reported with at the time of the read (an active session quiet
 * for longer than {@link SessionReads#IDLE_AFTER} is reported idle).
 *
 * @param session the stored session
 * @param status its reported status
 */
public record ReportedSession(Session session, SessionStatus status) {}
