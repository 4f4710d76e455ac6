package ai.agentlens.core.ingest;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;

/** The gateway's refusal of a {@code tool_call} to a tool the agent's settings disable (R8). */
final class DisabledTools {

  private DisabledTools() {}

  // why: a tool_call to a tool the agent's settings disable (a disable_endpoint remediation) is
  // refused whole, before anything is taken, so the SDK learns the tool is blocked
  static void refuse(AgentRateLimits.View view, Event e) {
    if (e.eventType() != EventType.TOOL_CALL) {
      return;
    }
    var s = view.effective(e.agentId());
    if (s.disabledTools() == null || s.disabledTools().isEmpty()) {
      return;
    }
    String tool = e.payload().tree().string("toolName");
    if (s.toolDisabled(tool)) {
      throw new IngestRefusedException(
          IngestRefusedException.Reason.BLOCKED,
          "Tool " + tool + " is disabled for agent " + e.agentId() + " (agent settings)",
          0);
    }
  }
}
