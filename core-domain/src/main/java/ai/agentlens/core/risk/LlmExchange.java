package ai.agentlens.core.risk;

/**
 * One LLM request as the risk score sees it: an {@code llm_call} and its {@code llm_response}.
 *
 * @param prompt the prompt text (messages joined), or {@code ""}
 * @param response the completion text, or {@code ""}
 * @param finishReason the provider's finish reason ({@code stop}, {@code length}, {@code
 *     content_filter}, {@code error} …), or {@code null}
 * @param failed whether the call ended in an error
 * @param promptTokens input tokens, or {@code null} when unknown
 * @param completionTokens output tokens, or {@code null} when unknown
 */
public record LlmExchange(
    String prompt,
    String response,
    String finishReason,
    boolean failed,
    Integer promptTokens,
    Integer completionTokens) {

  /** Replaces absent texts by empty ones. */
  public LlmExchange {
    prompt = prompt == null ? "" : prompt;
    response = response == null ? "" : response;
  }
}
