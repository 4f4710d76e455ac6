package ai.agentlens.queue.inmemory;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.port.queue.DeadLetter;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EnvelopeDeadLetteredException;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueFullException;
import ai.agentlens.core.port.queue.QueueUnavailableException;
import ai.agentlens.queue.inmemory.Pending.State;
import ai.agentlens.queue.inmemory.Pending.Timer;
import ai.agentlens.queue.spi.DeliveryPolicy;
import ai.agentlens.queue.spi.QueueSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-hosted queue: bounded, in this process, nothing on disk. Its durability point is the
 * consumer's acknowledgement: the publish stage completes when a worker has acknowledged the
 * envelope, i.e. committed its events (docs/reliability.md). A crash of the process therefore loses
 * only envelopes whose publish stage had not completed, which the gateway had not answered 2xx for
 * (docs/performance.md measures how long an envelope spends there).
 *
 * <p>Same delivery semantics as every backend ({@link DeliveryPolicy}): visibility timeout, retries
 * with backoff, dead letters. Publishing beyond {@link QueueSettings#capacity()} pending envelopes
 * fails with {@link QueueFullException}. {@link #close()} drains: it refuses new publishes and
 * waits up to {@link QueueSettings#drainTimeout()} for consumers to acknowledge what is pending.
 * The consumer name of {@code poll} is not needed here and only documents the caller.
 */
public final class InMemoryEventQueue implements EventQueue {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventQueue.class);

  private final QueueSettings settings;
  private final long visibilityNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Condition drained = lock.newCondition();
  // why: insertion order, so the first entry is the oldest pending envelope (queue age metric)
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final ArrayDeque<Pending> ready = new ArrayDeque<>();
  private final TreeSet<Timer> timers = new TreeSet<>();
  private final DeadLetterShelf dead;
  private long sequence;
  private boolean closed;

  /**
   * Creates an empty queue.
   *
   * @param settings capacity, delivery policy, visibility and drain timeouts, maximum poll wait
   */
  public InMemoryEventQueue(QueueSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.visibilityNanos = settings.visibilityTimeout().toNanos();
    this.dead = new DeadLetterShelf(settings.capacity());
  }

  @Override
  public String group() {
    return settings.group();
  }

  @Override
  public CompletionStage<Void> publish(Envelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    lock.lock();
    try {
      if (closed) {
        throw new QueueUnavailableException("queue " + settings.name() + " is closed", null);
      }
      if (pending.size() >= settings.capacity()) {
        throw new QueueFullException(settings.capacity());
      }
      return enqueue(envelope).stored.minimalCompletionStage();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Delivery> poll(String consumer, int max, Duration wait) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1");
    }
    long waitNanos = Math.min(wait.toNanos(), settings.maxPollWait().toNanos());
    List<Delivery> out = new ArrayList<>();
    List<Pending> deadLettered = new ArrayList<>();
    lock.lock();
    try {
      long deadline = System.nanoTime() + waitNanos;
      while (true) {
        long now = System.nanoTime();
        fireTimers(now, deadLettered);
        takeReady(now, max, out);
        long left = deadline - now;
        if (!out.isEmpty() || left <= 0 || (closed && pending.isEmpty())) {
          break;
        }
        Timer next = timers.isEmpty() ? null : timers.first();
        changed.awaitNanos(next == null ? left : Math.min(left, next.dueNanos() - now + 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    failDeadLettered(deadLettered);
    return out;
  }

  @Override
  public void ack(List<Delivery> deliveries) {
    List<Pending> stored = new ArrayList<>(deliveries.size());
    lock.lock();
    try {
      for (Delivery d : deliveries) {
        Pending p = pending.remove(d.receipt());
        if (p != null) {
          settle(p);
          stored.add(p);
        }
      }
    } finally {
      lock.unlock();
    }
    for (Pending p : stored) {
      p.stored.complete(null);
    }
  }

  @Override
  public NackOutcome nack(Delivery delivery, String reason) {
    List<Pending> deadLettered = new ArrayList<>(1);
    NackOutcome outcome;
    lock.lock();
    try {
      Pending p = pending.get(delivery.receipt());
      if (p == null || p.state != State.IN_FLIGHT || p.attempts != delivery.attempt()) {
        return NackOutcome.STALE;
      }
      timers.remove(p.timer);
      DeliveryPolicy.Decision decision = settings.policy().afterFailure(p.attempts);
      if (decision.deadLetter()) {
        deadLetter(p, reason, deadLettered);
        outcome = NackOutcome.DEAD_LETTERED;
      } else {
        p.state = State.WAITING_FOR_RETRY;
        schedule(p, System.nanoTime() + decision.delay().toNanos());
        changed.signalAll();
        outcome = NackOutcome.RETRY_SCHEDULED;
      }
    } finally {
      lock.unlock();
    }
    failDeadLettered(deadLettered);
    return outcome;
  }

  @Override
  public Optional<Duration> oldestPendingAge() {
    lock.lock();
    try {
      return pending.values().stream()
          .findFirst()
          .map(p -> Duration.ofNanos(System.nanoTime() - p.publishedNanos));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long deadLetterCount() {
    lock.lock();
    try {
      return dead.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public NackOutcome reject(Delivery delivery, String reason) {
    List<Pending> deadLettered = new ArrayList<>(1);
    lock.lock();
    try {
      Pending p = pending.get(delivery.receipt());
      if (p == null || p.state != State.IN_FLIGHT || p.attempts != delivery.attempt()) {
        return NackOutcome.STALE;
      }
      p.rejected = true;
      deadLetter(p, reason, deadLettered);
    } finally {
      lock.unlock();
    }
    failDeadLettered(deadLettered);
    return NackOutcome.DEAD_LETTERED;
  }

  @Override
  public long depth() {
    lock.lock();
    try {
      return pending.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    lock.lock();
    try {
      return dead.list(limit);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean replay(String deadLetterId) {
    lock.lock();
    try {
      if (closed) {
        throw new QueueUnavailableException("queue " + settings.name() + " is closed", null);
      }
      if (pending.size() >= settings.capacity()) {
        throw new QueueFullException(settings.capacity());
      }
      DeadLetter letter = dead.take(deadLetterId);
      if (letter == null) {
        return false;
      }
      enqueue(letter.envelope());
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long purgeDeadLetters() {
    lock.lock();
    try {
      return dead.purge();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    List<Pending> left;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      changed.signalAll();
      long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
      long wait;
      while (!pending.isEmpty() && (wait = deadline - System.nanoTime()) > 0) {
        drained.awaitNanos(wait);
      }
      left = new ArrayList<>(pending.values());
      left.forEach(this::settle);
      pending.clear();
      ready.clear();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      left = new ArrayList<>(pending.values());
      pending.clear();
    } finally {
      lock.unlock();
    }
    if (!left.isEmpty()) {
      LOG.warn("queue {} closed with {} envelopes not stored", settings.name(), left.size());
    }
    for (Pending p : left) {
      p.stored.completeExceptionally(
          new QueueUnavailableException(
              "queue closed before envelope " + p.envelope.id() + " was stored", null));
    }
  }

  private Pending enqueue(Envelope envelope) {
    Pending p = new Pending(++sequence, envelope);
    pending.put(p.receipt, p);
    ready.addLast(p);
    changed.signal();
    return p;
  }

  /** Moves due retries to ready, and reclaims deliveries whose visibility timeout ended. */
  private void fireTimers(long now, List<Pending> deadLettered) {
    while (!timers.isEmpty() && timers.first().dueNanos() - now <= 0) {
      Pending p = timers.pollFirst().entry();
      p.timer = null;
      if (p.state == State.IN_FLIGHT && settings.policy().exhaustedBefore(p.attempts + 1)) {
        deadLetter(
            p,
            "not acknowledged within " + settings.visibilityTimeout() + " on every attempt",
            deadLettered);
      } else {
        p.state = State.READY;
        ready.addLast(p);
      }
    }
  }

  private void takeReady(long now, int max, List<Delivery> out) {
    while (out.size() < max && !ready.isEmpty()) {
      Pending p = ready.pollFirst();
      if (p.state != State.READY) {
        continue; // why: settled while it sat in the deque (late ack); removal there is O(n)
      }
      p.attempts++;
      p.state = State.IN_FLIGHT;
      schedule(p, now + visibilityNanos);
      out.add(new Delivery(p.receipt, p.envelope, p.attempts));
    }
  }

  private void schedule(Pending p, long dueNanos) {
    p.timer = new Timer(dueNanos, p);
    timers.add(p.timer);
  }

  private void settle(Pending p) {
    if (p.timer != null) {
      timers.remove(p.timer);
      p.timer = null;
    }
    p.state = State.SETTLED;
    if (pending.isEmpty()) {
      drained.signalAll();
    }
  }

  private void deadLetter(Pending p, String reason, List<Pending> deadLettered) {
    pending.remove(p.receipt);
    settle(p);
    p.deadLetterReason = reason;
    dead.add(new DeadLetter("dl-" + p.receipt, p.envelope, p.attempts, reason, Instant.now()));
    deadLettered.add(p);
  }

  private void failDeadLettered(List<Pending> deadLettered) {
    for (Pending p : deadLettered) {
      p.stored.completeExceptionally(
          new EnvelopeDeadLetteredException(p.envelope.id(), p.deadLetterReason, p.rejected));
    }
  }
}
