package ai.agentlens.core.ingest;

import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueException;
import java.util.function.LongSupplier;

/**
 * The queue depth as backpressure needs it (FR-33): read at most every {@link #TTL_NANOS}, so a
 * busy gateway does not ask Redis on every request. An unreachable queue reads as infinitely deep.
 */
public final class QueueDepth {

  /** How long a reading is reused. */
  public static final long TTL_NANOS = 100_000_000L;

  private final EventQueue queue;
  private final LongSupplier nanoTime;
  private volatile long value;
  private volatile long readAt;
  private volatile boolean read;

  /**
   * Creates a reader.
   *
   * @param queue the queue
   * @param nanoTime monotonic clock
   */
  public QueueDepth(EventQueue queue, LongSupplier nanoTime) {
    this.queue = queue;
    this.nanoTime = nanoTime;
  }

  /**
   * Returns the pending envelopes, recently read.
   *
   * @return the depth; {@link Long#MAX_VALUE} when the queue is unreachable
   */
  public long current() {
    long now = nanoTime.getAsLong();
    if (read && now - readAt < TTL_NANOS) {
      return value;
    }
    long depth;
    try {
      depth = queue.depth();
    } catch (QueueException e) {
      depth = Long.MAX_VALUE;
    }
    value = depth;
    readAt = now;
    read = true;
    return depth;
  }
}
