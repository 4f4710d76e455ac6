package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * One step of a session's replay (reference §4.3.4) with what the agent had seen and spent so far.
 *
 * @param layout the frame
 * @param sessionId the session
 * @param agent the agent's name or id
 * @param totalSteps steps in the replay
 * @param step the shown step, 0-based
 * @param first link to the first step, or {@code null} on it
 * @param prev link to the previous step, or {@code null} on the first
 * @param next link to the next step, or {@code null} on the last
 * @param last link to the last step, or {@code null} on it
 * @param current the shown step
 * @param facts the context's numbers (cumulative cost, elapsed time, errors …)
 * @param counts events so far by type
 * @param llm LLM calls so far
 * @param tools tool calls so far
 * @param approvals approvals so far
 * @param warnings warnings raised by this step
 * @param steps every step (at most the first thousand), for jumping
 * @param masked whether prompts and completions are hidden for this org
 */
public record ReplayPage(
    Layout layout,
    String sessionId,
    String agent,
    int totalSteps,
    int step,
    String first,
    String prev,
    String next,
    String last,
    Step current,
    List<TimelineItem.Fact> facts,
    List<TimelineItem.Fact> counts,
    List<Row> llm,
    List<Row> tools,
    List<Row> approvals,
    List<String> warnings,
    List<Link> steps,
    boolean masked) {

  /**
   * The shown step.
   *
   * @param number 1-based
   * @param eventType the event's type
   * @param severity its severity
   * @param time when
   * @param timeIso when, ISO
   * @param paired the paired event's type and the time between them, or {@code null}
   */
  public record Step(
      int number, String eventType, String severity, String time, String timeIso, String paired) {}

  /**
   * A row of one of the context's tables.
   *
   * @param name what (model, tool, action)
   * @param id its call or request id
   * @param status state
   * @param detail more (cost and latency, duration, completion)
   */
  public record Row(String name, String id, String status, String detail) {}

  /**
   * A step in the step list.
   *
   * @param number 1-based
   * @param eventType its type
   * @param href its link
   * @param current whether it is the shown step
   */
  public record Link(int number, String eventType, String href, boolean current) {}
}
