package ai.agentlens.queue.inmemory;

import ai.agentlens.core.event.Envelope;
import java.util.concurrent.CompletableFuture;

/** One envelope held by {@link InMemoryEventQueue}, guarded by the queue's lock. */
final class Pending {

  enum State {
    READY,
    IN_FLIGHT,
    WAITING_FOR_RETRY,
    SETTLED
  }

  final long seq;
  final String receipt;
  final Envelope envelope;
  final CompletableFuture<Void> stored = new CompletableFuture<>();
  State state = State.READY;
  int attempts;
  Timer timer;
  String deadLetterReason;
  boolean rejected;

  /** When it was published ({@link System#nanoTime()}). */
  final long publishedNanos = System.nanoTime();

  Pending(long seq, Envelope envelope) {
    this.seq = seq;
    this.receipt = Long.toString(seq);
    this.envelope = envelope;
  }

  /**
   * The one scheduled moment of an entry: when its retry is due, or when its delivery's visibility
   * timeout ends. Ordered by due time, then by entry.
   */
  record Timer(long dueNanos, Pending entry) implements Comparable<Timer> {

    @Override
    public int compareTo(Timer o) {
      // why: nanoTime values may wrap, so compare by difference, not by value
      long d = dueNanos - o.dueNanos;
      return d != 0 ? (d < 0 ? -1 : 1) : Long.compare(entry.seq, o.entry.seq);
    }
  }
}
