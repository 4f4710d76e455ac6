/**
 * The OpenAI-compatible language-model adapter: {@code POST {baseUrl}/v1/chat/completions} with the
 * JDK HTTP client, for OpenAI itself or any compatible server (a local one included), used by the
 * root-cause analysis of incidents.
 */
package ai.agentlens.llm.openai;
