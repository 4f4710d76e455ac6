package ai.agentlens.core.port.llm;

import java.util.List;

/**
 * A chat language model (issue 17, root-cause analysis): given messages, answers one completion.
 * Adapters call a model service (the OpenAI-compatible chat-completions adapter); the built-in
 * analysis needs none. Thread-safe.
 */
public interface LanguageModel {

  /**
   * One chat message.
   *
   * @param role {@code system} or {@code user}
   * @param content the text
   */
  record Message(String role, String content) {}

  /**
   * Names the model, for the record of what produced an answer.
   *
   * @return e.g. {@code gpt-4o-mini}; never blank
   */
  String name();

  /**
   * Asks for one completion of the messages, within the adapter's configured timeout.
   *
   * @param messages the conversation, system message first
   * @param maxTokens the longest answer wanted
   * @return the completion's text (never {@code null})
   * @throws LanguageModelException when the service cannot be reached, times out, refuses, answers
   *     an error status or an answer without a completion; the message names the fault and never
   *     the key or the messages
   */
  String complete(List<Message> messages, int maxTokens);
}
