/**
 * The OpenAI-compatible embedding adapter: {@code POST {baseUrl}/v1/embeddings} with the JDK HTTP
 * client, for OpenAI itself or any compatible server (a local one included).
 */
package ai.agentlens.embedding.openai;
