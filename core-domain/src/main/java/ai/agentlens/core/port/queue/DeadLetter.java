package ai.agentlens.core.port.queue;

import ai.agentlens.core.event.Envelope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An envelope the queue gave up on.
 *
 * @param id the dead letter's id, for {@link EventQueue#replay}
 * @param envelope the envelope, or {@code null} when its stored form could not be decoded (poison)
 * @param attempts how many deliveries were made (0 when it was never delivered)
 * @param reason why it was given up on: the last nack's reason, a visibility timeout, or the
 *     decoding error
 * @param deadLetteredAt when it moved to the dead letters
 */
public record DeadLetter(
    String id, Envelope envelope, int attempts, String reason, Instant deadLetteredAt) {

  /** Checks the invariants. */
  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
  }

  /**
   * Returns the envelope when it could be decoded.
   *
   * @return the envelope, empty for poison
   */
  public Optional<Envelope> decoded() {
    return Optional.ofNullable(envelope);
  }
}
