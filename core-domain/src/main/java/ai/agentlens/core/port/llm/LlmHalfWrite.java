package ai.agentlens.core.port.llm;

/**
 * One half of an LLM request as it is to be stored: the call or the response. Both name the org and
 * the pairing key; {@link LlmRequestStore#recordAll} takes a mix of them.
 */
public sealed interface LlmHalfWrite permits LlmCallWrite, LlmResponseWrite {

  /**
   * Returns the org the half belongs to.
   *
   * @return the org id
   */
  String orgId();

  /**
   * Returns the key that pairs a call with its response.
   *
   * @return the call id
   */
  String callId();
}
