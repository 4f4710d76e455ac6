package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * One entry of a session's timeline: a single event, an LLM call with its response, or a tool call
 * with its result.
 *
 * @param kind {@code llm}, {@code tool} or {@code event}
 * @param title the heading, e.g. the model or the tool's name
 * @param eventType the (first) event's type
 * @param sequence the (first) event's sequence number
 * @param time when it happened
 * @param timeIso the same for {@code datetime}
 * @param error whether it failed (highlighted)
 * @param facts short label/value pairs (tokens, cost, latency, …)
 * @param messages the prompt's messages (empty when masked)
 * @param masked whether the prompt and completion were masked or redacted
 * @param output the completion, tool result or error text, or {@code null}
 * @param details pretty-printed JSON (arguments, or the raw payload), or {@code null}
 */
public record TimelineItem(
    String kind,
    String title,
    String eventType,
    long sequence,
    String time,
    String timeIso,
    boolean error,
    List<Fact> facts,
    List<Message> messages,
    boolean masked,
    String output,
    String details) {

  /**
   * A label and a value.
   *
   * @param label the label
   * @param value the value
   */
  public record Fact(String label, String value) {}

  /**
   * A prompt message.
   *
   * @param role system, user, assistant or tool
   * @param content the text
   */
  public record Message(String role, String content) {}
}
