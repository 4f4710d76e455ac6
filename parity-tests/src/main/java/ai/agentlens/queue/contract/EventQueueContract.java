package ai.agentlens.queue.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.port.queue.DeadLetter;
import ai.agentlens.core.port.queue.Delivery;
import ai.agentlens.core.port.queue.EnvelopeDeadLetteredException;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.EventQueue.NackOutcome;
import ai.agentlens.core.port.queue.QueueFullException;
import ai.agentlens.core.port.queue.QueueUnavailableException;
import ai.agentlens.queue.spi.DeliveryPolicy;
import ai.agentlens.queue.spi.EncodedEnvelopeSink;
import ai.agentlens.queue.spi.EnvelopeCodec;
import ai.agentlens.queue.spi.QueueCapabilities;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.testing.SampleEnvelopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link EventQueue} (its Javadoc), run against every backend: at-least-once
 * delivery of whole envelopes to a consumer group; an envelope not acknowledged within the
 * visibility timeout goes to another consumer with its attempt count; a nack is retried after each
 * backoff of the {@link DeliveryPolicy} and dead-lettered after the last retry; dead letters are
 * listed, replayed and purged; depth counts waiting, in-flight and retrying work; close drains,
 * then refuses publishes. Each queue module runs it with one small subclass in its own {@code
 * src/test} that says how to reach the backend. Timing is tested with short backoffs (50, 100, 200
 * ms) and by polling with deadlines, never by fixed sleeps. What differs between backends is asked
 * of {@link QueueProvider#capabilities()}: a missing capability is a JUnit assumption (reported
 * skipped). Backends that partition by session also show that a multi-session envelope arrives as
 * one part per shard, that a shard is read by one consumer at a time, and that a stopped or closed
 * consumer's shards move to the others ({@link Partitions}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EventQueueContract {

  static final DeliveryPolicy FAST = DeliveryPolicy.exponential(3, Duration.ofMillis(50));
  static final Duration SHORT_VISIBILITY = Duration.ofMillis(400);
  static final Duration LONG_VISIBILITY = Duration.ofSeconds(3);

  private final List<EventQueue> opened = new ArrayList<>();

  /**
   * Returns the backend under test.
   *
   * @return its provider
   */
  protected abstract QueueProvider provider();

  /**
   * Returns settings that reach the backend, for a queue of this name.
   *
   * @param name a fresh queue name
   * @return the settings; the suite sets delivery policy and timeouts itself
   */
  protected abstract QueueSettings baseSettings(String name);

  QueueCapabilities capabilities() {
    return provider().capabilities();
  }

  EventQueue open(DeliveryPolicy policy, Duration visibility) {
    return open(settings().withDelivery(policy, visibility));
  }

  /** Test settings: a fresh queue name; a short drain, as most tests leave work behind. */
  QueueSettings settings() {
    return baseSettings("q-" + UUID.randomUUID())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(200));
  }

  EventQueue open(QueueSettings s) {
    EventQueue q = provider().open(s);
    opened.add(q);
    return q;
  }

  EventQueue open() {
    return open(FAST, LONG_VISIBILITY);
  }

  @AfterEach
  void closeQueues() {
    opened.forEach(EventQueue::close);
  }

  @Test
  void aPublishedEnvelopeIsDeliveredWholeOnItsFirstAttempt() {
    EventQueue q = open();
    Envelope env = SampleEnvelopes.realistic("org-a", 5);
    CompletableFuture<Void> stored = q.publish(env).toCompletableFuture();
    List<Delivery> got = Polling.until(q, "c1", 1, Duration.ofSeconds(10));
    assertThat(got).hasSize(1);
    assertThat(got.get(0).envelope()).isEqualTo(env);
    assertThat(got.get(0).attempt()).isEqualTo(1);
    q.ack(got);
    assertThat(stored).succeedsWithin(Duration.ofSeconds(5));
    assertThat(q.depth()).isZero();
  }

  @Test
  void thePublishStageCompletesAtTheBackendsDurabilityPoint() {
    EventQueue q = open();
    CompletableFuture<Void> stored =
        q.publish(SampleEnvelopes.small("org-a")).toCompletableFuture();
    if (capabilities().publishCompletesOnAck()) {
      assertThat(stored).isNotDone();
      List<Delivery> got = Polling.until(q, "c1", 1, Duration.ofSeconds(10));
      assertThat(stored).isNotDone();
      q.ack(got);
      assertThat(stored).succeedsWithin(Duration.ofSeconds(5));
    } else {
      assertThat(stored).isCompleted().isNotCompletedExceptionally();
    }
  }

  @Test
  void consumersReceiveBatchesAndAckedEnvelopesNeverComeBack() {
    EventQueue q = open(FAST, SHORT_VISIBILITY);
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Envelope env = SampleEnvelopes.small("org-a");
      published.add(env.id());
      q.publish(env);
    }
    List<Delivery> first = q.poll("c1", 8, Duration.ofSeconds(5));
    assertThat(first).hasSizeBetween(1, 8);
    List<Delivery> all = new ArrayList<>(first);
    all.addAll(Polling.until(q, "c2", 20 - first.size(), Duration.ofSeconds(10)));
    assertThat(all)
        .extracting(d -> d.envelope().id())
        .containsExactlyInAnyOrderElementsOf(published);
    q.ack(all);
    assertThat(q.depth()).isZero();
    // longer than the visibility timeout: nothing acknowledged may be redelivered
    assertThat(Polling.collectFor(q, "c3", SHORT_VISIBILITY.multipliedBy(3))).isEmpty();
  }

  @Test
  void anEnvelopeNotAckedInTimeGoesToAnotherConsumerWithItsAttemptCount() {
    EventQueue q = open(FAST, SHORT_VISIBILITY);
    Envelope env = SampleEnvelopes.small("org-a");
    q.publish(env);
    // why: a backend starts the visibility clock inside poll, before the delivery reaches us, so
    // the lower bound is measured from before the poll that hands it out
    long beforeHandOut = System.nanoTime();
    Delivery dying = Polling.until(q, "dies", 1, Duration.ofSeconds(10)).get(0);
    assertThat(q.poll("other", 10, Duration.ZERO)).as("invisible while in flight").isEmpty();
    Delivery again = Polling.until(q, "other", 1, Duration.ofSeconds(10)).get(0);
    assertThat(Duration.ofNanos(System.nanoTime() - beforeHandOut))
        .isGreaterThanOrEqualTo(SHORT_VISIBILITY);
    assertThat(again.envelope()).isEqualTo(env);
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(q.nack(dying, "late failure of the dead consumer")).isEqualTo(NackOutcome.STALE);
    q.ack(again);
    q.ack(dying); // late ack of a settled delivery: a no-op
    assertThat(q.depth()).isZero();
  }

  @Test
  void aFailedEnvelopeIsRetriedAfterEachBackoffThenDeadLetteredAfterTheThirdRetry() {
    EventQueue q = open(FAST, LONG_VISIBILITY);
    Envelope env = SampleEnvelopes.small("org-a");
    CompletableFuture<Void> stored = q.publish(env).toCompletableFuture();
    Delivery d = Polling.until(q, "c1", 1, Duration.ofSeconds(10)).get(0);
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(d.attempt()).isEqualTo(attempt);
      // why: the queue schedules the retry inside nack, so the wait is measured from before it
      long nacked = System.nanoTime();
      assertThat(q.nack(d, "boom " + attempt)).isEqualTo(NackOutcome.RETRY_SCHEDULED);
      d = Polling.until(q, "c" + (attempt + 1), 1, Duration.ofSeconds(10)).get(0);
      Duration waited = Duration.ofNanos(System.nanoTime() - nacked);
      assertThat(waited)
          .as("backoff after attempt %d", attempt)
          .isGreaterThanOrEqualTo(FAST.backoffAfter(attempt));
      assertThat(waited).as("a retry, not a visibility timeout").isLessThan(LONG_VISIBILITY);
    }
    assertThat(d.attempt()).isEqualTo(4);
    assertThat(q.nack(d, "boom 4")).isEqualTo(NackOutcome.DEAD_LETTERED);
    assertThat(q.depth()).isZero();
    List<DeadLetter> dead = q.deadLetters(10);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).envelope()).isEqualTo(env);
    assertThat(dead.get(0).attempts()).isEqualTo(4);
    assertThat(dead.get(0).reason()).isEqualTo("boom 4");
    assertThat(Polling.collectFor(q, "c9", Duration.ofMillis(600))).isEmpty();
    if (capabilities().publishCompletesOnAck()) {
      assertThat(stored)
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(EnvelopeDeadLetteredException.class);
    }
  }

  @Test
  void aRejectedEnvelopeIsDeadLetteredAtOnceWithoutRetries() {
    EventQueue q = open(FAST, LONG_VISIBILITY);
    Envelope env = SampleEnvelopes.small("org-a");
    CompletableFuture<Void> stored = q.publish(env).toCompletableFuture();
    Delivery d = Polling.until(q, "c1", 1, Duration.ofSeconds(10)).get(0);
    assertThat(q.reject(d, "rejected: sessionId: contains a control character"))
        .isEqualTo(NackOutcome.DEAD_LETTERED);
    assertThat(q.depth()).isZero();
    assertThat(q.reject(d, "again")).as("a settled delivery").isEqualTo(NackOutcome.STALE);
    List<DeadLetter> dead = q.deadLetters(10);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).envelope()).isEqualTo(env);
    assertThat(dead.get(0).attempts()).isEqualTo(1);
    assertThat(dead.get(0).reason()).isEqualTo("rejected: sessionId: contains a control character");
    assertThat(Polling.collectFor(q, "c2", Duration.ofMillis(600))).as("no retry").isEmpty();
    if (capabilities().publishCompletesOnAck()) {
      assertThat(stored)
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOfSatisfying(
              EnvelopeDeadLetteredException.class, e -> assertThat(e.rejected()).isTrue());
    }
  }

  @Test
  void anEnvelopeWhoseConsumerDiesOnEveryAttemptEndsInTheDeadLetters() {
    EventQueue q = open(FAST, SHORT_VISIBILITY);
    Envelope env = SampleEnvelopes.small("org-a");
    q.publish(env);
    for (int attempt = 1; attempt <= 4; attempt++) {
      Delivery d = Polling.until(q, "dies-" + attempt, 1, Duration.ofSeconds(10)).get(0);
      assertThat(d.attempt()).isEqualTo(attempt);
    }
    List<DeadLetter> dead = Polling.deadLetters(q, 1, Duration.ofSeconds(10));
    assertThat(dead.get(0).attempts()).isEqualTo(4);
    assertThat(dead.get(0).reason()).contains("not acknowledged");
    assertThat(q.depth()).isZero();
  }

  @Test
  void poisonGoesToTheDeadLettersInsteadOfLooping() {
    assumeTrue(
        capabilities().storesEncodedEnvelopes(),
        "backend stores no encoded form that could be undecodable");
    EventQueue q = open(FAST, SHORT_VISIBILITY);
    byte[] corrupted = EnvelopeCodec.encode(SampleEnvelopes.small("org-a"));
    corrupted[corrupted.length / 2] ^= 0x10;
    ((EncodedEnvelopeSink) q).publishEncoded("not an envelope".getBytes());
    ((EncodedEnvelopeSink) q).publishEncoded(corrupted);
    Envelope good = SampleEnvelopes.small("org-a");
    q.publish(good);
    List<Delivery> got = Polling.until(q, "c1", 1, Duration.ofSeconds(10));
    assertThat(got).extracting(Delivery::envelope).containsExactly(good);
    q.ack(got);
    assertThat(Polling.collectFor(q, "c2", SHORT_VISIBILITY.multipliedBy(3))).isEmpty();
    List<DeadLetter> dead = q.deadLetters(10);
    assertThat(dead).hasSize(2);
    assertThat(dead)
        .allSatisfy(
            d -> {
              assertThat(d.decoded()).isEmpty();
              assertThat(d.reason()).startsWith("undecodable");
            });
    assertThat(q.depth()).isZero();
  }

  @Test
  void depthCountsWaitingInFlightAndRetryingWorkButNotDeadLetters() {
    EventQueue q = open(DeliveryPolicy.exponential(1, Duration.ofSeconds(1)), LONG_VISIBILITY);
    for (int i = 0; i < 5; i++) {
      q.publish(SampleEnvelopes.small("org-a"));
    }
    assertThat(q.depth()).isEqualTo(5);
    List<Delivery> got = Polling.until(q, "c1", 3, Duration.ofSeconds(10));
    assertThat(q.depth()).as("in flight still counts").isEqualTo(5);
    q.ack(got.get(0));
    assertThat(q.depth()).isEqualTo(4);
    assertThat(q.nack(got.get(1), "retry me")).isEqualTo(NackOutcome.RETRY_SCHEDULED);
    assertThat(q.depth()).as("waiting for a retry still counts").isEqualTo(4);
    Delivery last = got.get(2);
    assertThat(q.nack(last, "x")).isEqualTo(NackOutcome.RETRY_SCHEDULED);
    Delivery retried = Polling.firstWith(q, "c2", last.envelope().id(), Duration.ofSeconds(10));
    assertThat(q.nack(retried, "give up")).isEqualTo(NackOutcome.DEAD_LETTERED);
    assertThat(q.depth()).as("dead letters do not count").isEqualTo(3);
  }

  @Test
  void theOldestPendingAgeRunsFromThePublishOfTheOldestUnackedEnvelope() throws Exception {
    EventQueue q = open(DeliveryPolicy.exponential(1, Duration.ofSeconds(1)), LONG_VISIBILITY);
    assertThat(q.oldestPendingAge()).as("nothing pending").isEmpty();
    q.publish(SampleEnvelopes.small("org-a"));
    Thread.sleep(60);
    q.publish(SampleEnvelopes.small("org-a"));
    assertThat(q.oldestPendingAge())
        .hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
    List<Delivery> got = Polling.until(q, "c1", 2, Duration.ofSeconds(10));
    assertThat(q.oldestPendingAge()).as("in flight still counts").isPresent();
    q.ack(got);
    assertThat(q.oldestPendingAge()).as("everything acked").isEmpty();
  }

  @Test
  void deadLettersCanBeListedReplayedAndPurged() {
    EventQueue q = open(DeliveryPolicy.exponential(0, Duration.ofMillis(50)), LONG_VISIBILITY);
    Envelope a = SampleEnvelopes.small("org-a");
    Envelope b = SampleEnvelopes.small("org-b");
    q.publish(a);
    Delivery da = Polling.until(q, "c1", 1, Duration.ofSeconds(10)).get(0);
    assertThat(q.nack(da, "first")).isEqualTo(NackOutcome.DEAD_LETTERED);
    q.publish(b);
    Delivery db = Polling.until(q, "c1", 1, Duration.ofSeconds(10)).get(0);
    assertThat(q.nack(db, "second")).isEqualTo(NackOutcome.DEAD_LETTERED);

    List<DeadLetter> dead = q.deadLetters(10);
    assertThat(dead).extracting(DeadLetter::envelope).containsExactly(a, b);
    assertThat(dead).extracting(DeadLetter::reason).containsExactly("first", "second");
    assertThat(q.deadLetterCount()).isEqualTo(2);
    assertThat(q.deadLetters(1)).hasSize(1);

    assertThat(q.replay(dead.get(0).id())).isTrue();
    assertThat(q.replay(dead.get(0).id())).as("already replayed").isFalse();
    assertThat(q.replay("no-such-letter")).isFalse();
    Delivery replayed = Polling.until(q, "c2", 1, Duration.ofSeconds(10)).get(0);
    assertThat(replayed.envelope()).isEqualTo(a);
    assertThat(replayed.attempt()).as("a fresh attempt count").isEqualTo(1);
    q.ack(replayed);

    assertThat(q.deadLetters(10)).extracting(DeadLetter::envelope).containsExactly(b);
    assertThat(q.deadLetterCount()).isEqualTo(1);
    assertThat(q.purgeDeadLetters()).isEqualTo(1);
    assertThat(q.deadLetters(10)).isEmpty();
    assertThat(q.deadLetterCount()).isZero();
    assertThat(q.purgeDeadLetters()).isZero();
    assertThat(q.depth()).isZero();
  }

  @Test
  void concurrentProducersAndConsumersAccountForEveryEnvelope() throws Exception {
    EventQueue q = open(FAST, LONG_VISIBILITY);
    ConcurrentRun run = new ConcurrentRun(q, 4, 4, 150);
    run.execute(Duration.ofSeconds(45));
    assertThat(run.violations()).isEmpty();
    assertThat(run.ackedIds()).containsExactlyInAnyOrderElementsOf(run.publishedIds());
    assertThat(run.retriedAtLeastOnce()).isPositive();
    assertThat(run.stages()).allSatisfy(s -> assertThat(s).succeedsWithin(Duration.ofSeconds(5)));
    assertThat(q.depth()).isZero();
    assertThat(q.deadLetters(10)).isEmpty();
  }

  @Test
  void aBoundedBackendRefusesPublishesBeyondItsCapacity() {
    assumeTrue(
        capabilities().boundedCapacity(), "unbounded server backend: the gateway uses depth()");
    EventQueue q = open(settings().withCapacity(3));
    for (int i = 0; i < 3; i++) {
      q.publish(SampleEnvelopes.small("org-a"));
    }
    assertThatThrownBy(() -> q.publish(SampleEnvelopes.small("org-a")))
        .isInstanceOf(QueueFullException.class);
    q.ack(Polling.until(q, "c1", 1, Duration.ofSeconds(10)));
    q.publish(SampleEnvelopes.small("org-a"));
    assertThat(q.depth()).isEqualTo(3);
  }

  @Test
  void closeDrainsPendingWorkThenRefusesPublishes() throws Exception {
    QueueSettings s = settings();
    EventQueue q =
        open(s.withTimeouts(s.operationTimeout(), s.maxPollWait(), Duration.ofSeconds(20)));
    List<CompletableFuture<Void>> stages = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      stages.add(q.publish(SampleEnvelopes.small("org-a")).toCompletableFuture());
    }
    Thread worker =
        new Thread(
            () -> {
              int acked = 0;
              try {
                while (acked < 5) {
                  List<Delivery> got = q.poll("worker", 2, Duration.ofMillis(200));
                  q.ack(got);
                  acked += got.size();
                }
              } catch (QueueUnavailableException e) {
                // a durable backend closes at once; its envelopes stay stored for the next process
              }
            });
    worker.start();
    q.close();
    worker.join(10_000);
    assertThat(stages).allSatisfy(st -> assertThat(st).succeedsWithin(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> q.publish(SampleEnvelopes.small("org-a")))
        .isInstanceOf(QueueUnavailableException.class);
  }

  @Test
  void anEnvelopeOverSeveralShardsIsDeliveredAsOnePartPerShard() {
    assumePartitions();
    EventQueue q = open(settings().withShards(4).withDelivery(FAST, LONG_VISIBILITY));
    Envelope env = SampleEnvelopes.acrossSessions("org-a", 24);
    q.publish(env);
    long parts = q.depth();
    assertThat(parts).as("one entry per shard the sessions fall in").isBetween(2L, 4L);
    List<Delivery> got = Polling.until(q, "c1", (int) parts, Duration.ofSeconds(10));
    List<Event> all = new ArrayList<>();
    Set<String> sessionsSeen = new HashSet<>();
    for (Delivery d : got) {
      Envelope part = d.envelope();
      assertThat(part.id()).startsWith(env.id() + ".");
      assertThat(part.orgId()).isEqualTo(env.orgId());
      assertThat(part.apiKeyId()).isEqualTo(env.apiKeyId());
      assertThat(part.receivedAt()).isEqualTo(env.receivedAt());
      assertThat(part.events())
          .as("request order kept within a part")
          .isSortedAccordingTo(Comparator.comparingInt(env.events()::indexOf));
      Set<String> sessions = new HashSet<>();
      part.events().forEach(e -> sessions.add(e.sessionId()));
      assertThat(sessionsSeen)
          .as("a session lies in one part")
          .doesNotContainAnyElementsOf(sessions);
      sessionsSeen.addAll(sessions);
      all.addAll(part.events());
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(env.events());
    q.ack(got);
    assertThat(q.depth()).isZero();
  }

  @Test
  void eachShardIsReadByOneConsumerAtATime() {
    assumePartitions();
    EventQueue q = open(settings().withShards(8).withDelivery(FAST, LONG_VISIBILITY));
    Partitions.settle(q, List.of("c1", "c2"));
    // why: ~24 entries per shard against batches of 16, so no shard is read whole by one poll
    List<Envelope> published = Partitions.publishSessions(q, 64, 3);
    Map<String, List<Delivery>> byConsumer =
        Partitions.drain(q, List.of("c1", "c2"), published.size(), Duration.ofSeconds(15));
    Set<String> c1 = Partitions.sessions(byConsumer.get("c1"));
    Set<String> c2 = Partitions.sessions(byConsumer.get("c2"));
    assertThat(c1).as("c1 holds a share").isNotEmpty();
    assertThat(c2).as("c2 holds a share").isNotEmpty();
    assertThat(c1).as("no session read by both").doesNotContainAnyElementsOf(c2);
    assertThat(q.depth()).isZero();
  }

  @Test
  void aConsumerThatStopsLosesItsShardsAndItsWorkToTheOthers() {
    assumePartitions();
    EventQueue q = open(settings().withShards(8).withDelivery(FAST, LONG_VISIBILITY));
    Partitions.settle(q, List.of("dies", "lives"));
    List<Envelope> published = Partitions.publishSessions(q, 32, 1);
    List<Delivery> held = Polling.until(q, "dies", 1, Duration.ofSeconds(10));
    Map<String, List<Delivery>> byConsumer =
        Partitions.drain(q, List.of("lives"), published.size(), Duration.ofSeconds(20));
    assertThat(byConsumer.get("lives"))
        .extracting(d -> d.envelope().id())
        .containsExactlyInAnyOrderElementsOf(published.stream().map(Envelope::id).toList());
    Set<String> heldIds = new HashSet<>();
    held.forEach(d -> heldIds.add(d.envelope().id()));
    assertThat(byConsumer.get("lives"))
        .filteredOn(d -> heldIds.contains(d.envelope().id()))
        .as("what the stopped consumer held comes back as a retry")
        .hasSameSizeAs(held)
        .allSatisfy(d -> assertThat(d.attempt()).isGreaterThanOrEqualTo(2));
    assertThat(q.depth()).isZero();
  }

  @Test
  void closingAQueueHandsItsShardsOverAtOnce() {
    assumePartitions();
    // a lease lasts half the visibility timeout: 10 s here, far beyond the wait below
    QueueSettings s = settings().withShards(4).withDelivery(FAST, Duration.ofSeconds(20));
    EventQueue leaving = open(s);
    EventQueue staying = open(s);
    assertThat(leaving.poll("leaving", 10, Duration.ofMillis(100))).isEmpty();
    assertThat(staying.poll("staying", 10, Duration.ofMillis(100))).isEmpty();
    leaving.close();
    Envelope env = SampleEnvelopes.small("org-a");
    staying.publish(env);
    Delivery d = Polling.firstWith(staying, "staying", env.id(), Duration.ofSeconds(5));
    assertThat(d.attempt()).isEqualTo(1);
    staying.ack(d);
  }

  private void assumePartitions() {
    assumeTrue(capabilities().partitionsBySession(), "backend does not partition by session");
  }

  @Test
  void anEmptyPollReturnsAfterItsWait() {
    EventQueue q = open();
    long start = System.nanoTime();
    assertThat(q.poll("c1", 10, Duration.ofMillis(200))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(q.group()).isNotBlank();
  }
}
