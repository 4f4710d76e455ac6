package ai.agentlens.core.port.queue;

import ai.agentlens.core.event.Envelope;
import java.util.Objects;

/**
 * One delivery of an envelope to a consumer, as {@link EventQueue#poll} returns it.
 *
 * @param receipt the backend's handle for acknowledging it (e.g. the stream entry id); the same for
 *     every delivery of one publication
 * @param envelope the envelope
 * @param attempt 1 for the first delivery, 2 for the first retry, and so on
 */
public record Delivery(String receipt, Envelope envelope, int attempt) {

  /** Checks the invariants. */
  public Delivery {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(envelope, "envelope");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt starts at 1");
    }
  }
}
