package ai.agentlens.core.port.queue;

import ai.agentlens.core.event.Envelope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The queue between the ingest gateway and the workers (docs/architecture.md, "The ingestion path";
 * PRD FR-28, FR-33, NFR-07, NFR-14). One queue carries envelopes to one named consumer group; any
 * number of consumers (threads or processes, each with its own name) share the group's work.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Durable publish.</b> {@link #publish} hands the envelope to the backend. The returned
 *       stage completes normally only when the envelope has reached the backend's <i>durability
 *       point</i>, and from then on the envelope is delivered until it is acknowledged or moved to
 *       the dead letters. Where that point is, is the backend's business and is stated by it: for a
 *       server (Redis Streams) it is "the server accepted it", and the stage is already complete
 *       when {@code publish} returns; for the in-process queue, which has nothing durable of its
 *       own, it is "a consumer acknowledged it", i.e. the worker has committed the events (group
 *       commit, docs/reliability.md), so the stage completes only after a consumer's {@link #ack}.
 *       Callers must therefore not wait on the stage on a thread a consumer needs, and should bound
 *       the wait (e.g. {@code toCompletableFuture().orTimeout(..)}).
 *   <li><b>Fail fast.</b> {@code publish} never blocks longer than the backend's configured
 *       operation timeout. When the envelope cannot be accepted it throws: {@link
 *       QueueFullException} when a bounded backend is at capacity, {@link
 *       QueueUnavailableException} when the backend is unreachable, timed out or closed. Both mean
 *       "try again later" (the gateway answers 503 with {@code Retry-After}). The stage completes
 *       exceptionally only for backends whose durability point is the acknowledgement, with {@link
 *       EnvelopeDeadLetteredException} or {@link QueueUnavailableException} (closed before the
 *       envelope was acknowledged).
 *   <li><b>At-least-once delivery.</b> {@link #poll} returns a batch of up to {@code max}
 *       deliveries. Each published envelope is delivered to one consumer of the group at a time; it
 *       is delivered again (possibly to another consumer) when that consumer {@link #nack nacks} it
 *       or does not {@link #ack ack} it within the visibility timeout (e.g. because it died). A
 *       consumer may therefore see an envelope more than once, and must process idempotently (event
 *       writes are idempotent on (org id, event id)). Order is not guaranteed across redeliveries.
 *   <li><b>Ack removes.</b> Once {@code ack} returns, the envelope is never delivered again and no
 *       longer counts in {@link #depth}. Acknowledging an envelope that is already settled (acked,
 *       dead-lettered, or reclaimed and acked by another consumer) is a no-op.
 *   <li><b>Retries, then dead letters (NFR-14).</b> A failed delivery (nack, or visibility timeout)
 *       is redelivered with its {@linkplain Delivery#attempt() attempt number} increased, after the
 *       backoff of the delivery policy: by default 1 s after the first attempt, 2 s after the
 *       second, 4 s after the third. When the fourth attempt (the third retry) fails too, the
 *       envelope moves to the dead letters and is not delivered again. An envelope that a consumer
 *       {@linkplain #reject rejects} as unprocessable moves there at once. A stored envelope that
 *       cannot be decoded (poison) moves to the dead letters at once; it is never handed to a
 *       consumer and never loops.
 *   <li><b>Backpressure (FR-33).</b> {@link #depth} is the number of envelopes published and not
 *       yet acknowledged or dead-lettered: waiting, in flight and waiting for a retry. It is cheap
 *       enough to call on every request.
 *   <li><b>Dead letters</b> can be {@linkplain #deadLetters listed}, {@linkplain #replay replayed}
 *       (published again with a fresh attempt count) and {@linkplain #purgeDeadLetters purged}.
 *   <li><b>Partitions (optional).</b> A backend may spread events over partitions by a hash of
 *       (org, session) and give each partition to one consumer at a time, so two consumers rarely
 *       write the same session at once. It then stores an envelope whose events fall in several
 *       partitions as one part per partition, all or none: each part is delivered, acknowledged and
 *       dead-lettered on its own, keeps the envelope's org, key and arrival time and its events'
 *       order, and is counted by {@link #depth} as one. Which partitions a consumer holds is a
 *       placement, not a fence: the guarantees above hold whoever reads a partition.
 *   <li><b>Concurrency.</b> All methods are thread-safe; any number of threads may publish and poll
 *       at once.
 * </ul>
 */
public interface EventQueue extends AutoCloseable {

  /**
   * Returns the name of the consumer group this queue delivers to.
   *
   * @return the group name
   */
  String group();

  /**
   * Publishes one envelope.
   *
   * @param envelope the envelope
   * @return a stage that completes normally when the envelope has reached the backend's durability
   *     point (see the class comment); already complete on return for server backends
   * @throws QueueFullException when a bounded backend is at capacity
   * @throws QueueUnavailableException when the backend is unreachable, timed out or closed
   */
  CompletionStage<Void> publish(Envelope envelope);

  /**
   * Takes the next batch of envelopes for one consumer of the group: first those due for redelivery
   * (nacked and past their backoff, or not acknowledged within the visibility timeout), then new
   * ones. Waits up to {@code wait} (capped by the backend's maximum poll wait) when none is
   * available. Undecodable stored envelopes met on the way are dead-lettered, not returned.
   *
   * @param consumer the consumer's name, unique within the group (e.g. host + thread)
   * @param max the largest batch wanted, at least 1
   * @param wait how long to wait for a first envelope; {@link Duration#ZERO} returns at once
   * @return the deliveries, possibly empty; never {@code null}
   * @throws QueueUnavailableException when the backend is unreachable or timed out
   */
  List<Delivery> poll(String consumer, int max, Duration wait);

  /**
   * Acknowledges processed deliveries: they are removed and never delivered again. Deliveries
   * already settled are ignored.
   *
   * @param deliveries deliveries returned by {@link #poll} of this queue
   * @throws QueueUnavailableException when the backend is unreachable or timed out; the deliveries
   *     then stay pending and will be redelivered (at-least-once)
   */
  void ack(List<Delivery> deliveries);

  /**
   * Acknowledges one delivery; see {@link #ack(List)}.
   *
   * @param delivery the delivery
   */
  default void ack(Delivery delivery) {
    ack(List.of(delivery));
  }

  /**
   * Reports that processing a delivery failed: it is redelivered after the policy's backoff for its
   * attempt, or moved to the dead letters when its retries are used up.
   *
   * @param delivery the failed delivery
   * @param reason why, one line, kept with a dead letter (no secrets, no prompts)
   * @return what happened to the envelope
   * @throws QueueUnavailableException when the backend is unreachable or timed out; the delivery is
   *     then redelivered after the visibility timeout instead
   */
  NackOutcome nack(Delivery delivery, String reason);

  /**
   * Reports that a delivery can never be processed (poison: input the store refuses, whatever the
   * attempt): it moves to the dead letters at once, without the policy's retries, keeping {@code
   * reason}. A backend whose durability point is the acknowledgement completes the publish stage
   * with an {@link EnvelopeDeadLetteredException} whose {@link
   * EnvelopeDeadLetteredException#rejected()} is {@code true}.
   *
   * @param delivery the delivery
   * @param reason why, one line, kept with the dead letter (no secrets, no prompts)
   * @return {@link NackOutcome#DEAD_LETTERED}, or {@link NackOutcome#STALE} when the delivery is no
   *     longer current (nothing changed)
   * @throws QueueUnavailableException when the backend is unreachable or timed out; the delivery is
   *     then redelivered after the visibility timeout instead
   */
  NackOutcome reject(Delivery delivery, String reason);

  /**
   * Counts the envelopes published and not yet acknowledged or dead-lettered.
   *
   * @return the pending work
   * @throws QueueUnavailableException when the backend is unreachable or timed out
   */
  long depth();

  /**
   * Returns how long the oldest pending envelope (published and not yet acknowledged or
   * dead-lettered: waiting, in flight or waiting for a retry) has been in the queue, measured from
   * its publish (a replayed dead letter counts from its replay). For metrics: one cheap call.
   *
   * @return the age, or empty when nothing is pending
   * @throws QueueUnavailableException when the backend is unreachable or timed out
   */
  Optional<Duration> oldestPendingAge();

  /**
   * Counts the dead letters currently kept (what {@link #deadLetters} could list).
   *
   * @return the count
   * @throws QueueUnavailableException when the backend is unreachable or timed out
   */
  long deadLetterCount();

  /**
   * Lists dead letters, oldest first.
   *
   * @param limit the most to return
   * @return the dead letters
   * @throws QueueUnavailableException when the backend is unreachable or timed out
   */
  List<DeadLetter> deadLetters(int limit);

  /**
   * Publishes a dead letter again, with a fresh attempt count, and removes it from the dead
   * letters.
   *
   * @param deadLetterId the {@link DeadLetter#id()}
   * @return {@code true} if it was found and replayed, {@code false} if there is no such dead
   *     letter (e.g. already replayed or purged)
   * @throws QueueUnavailableException when the backend is unreachable or timed out
   */
  boolean replay(String deadLetterId);

  /**
   * Deletes every dead letter.
   *
   * @return how many were deleted
   * @throws QueueUnavailableException when the backend is unreachable or timed out
   */
  long purgeDeadLetters();

  /**
   * Shuts the queue down gracefully: new publishes fail with {@link QueueUnavailableException}; a
   * backend without durable storage keeps serving polls and acks until its pending envelopes are
   * acknowledged or its drain timeout passes, then fails the publish stages of what is left.
   * Idempotent.
   */
  @Override
  void close();

  /** What a {@link #nack} did. */
  enum NackOutcome {
    /** The envelope will be delivered again after the backoff. */
    RETRY_SCHEDULED,
    /** Its retries were used up; it is now a dead letter. */
    DEAD_LETTERED,
    /**
     * The delivery is no longer current: the envelope was acknowledged, dead-lettered, or
     * redelivered since (e.g. after the visibility timeout). Nothing changed.
     */
    STALE
  }
}
