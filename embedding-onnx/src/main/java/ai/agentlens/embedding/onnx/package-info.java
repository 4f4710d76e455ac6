/**
 * The in-process embedding model adapter: a small ONNX sentence model shipped inside a Maven
 * artifact, so self-hosted servers embed without network or key.
 */
package ai.agentlens.embedding.onnx;
