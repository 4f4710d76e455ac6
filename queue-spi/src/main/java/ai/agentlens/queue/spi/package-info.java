/**
 * The queue SPI: {@code QueueProvider}, the versioned envelope codec and the delivery policy
 * (retries, backoff, dead letters) shared by every queue backend.
 */
package ai.agentlens.queue.spi;
