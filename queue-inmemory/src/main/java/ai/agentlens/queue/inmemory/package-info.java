/** Bounded in-process queue backend (self-hosted default). */
package ai.agentlens.queue.inmemory;
