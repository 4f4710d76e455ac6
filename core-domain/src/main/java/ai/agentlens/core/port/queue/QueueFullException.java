package ai.agentlens.core.port.queue;

/**
 * A bounded queue is at capacity (backpressure, FR-33). Nothing was accepted; the gateway answers
 * 503 with {@code Retry-After}.
 */
public class QueueFullException extends QueueException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param capacity the capacity that was reached
   */
  public QueueFullException(long capacity) {
    super("queue is full (" + capacity + " envelopes pending)", null);
  }
}
