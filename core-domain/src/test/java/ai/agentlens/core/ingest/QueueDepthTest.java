package ai.agentlens.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueUnavailableException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link QueueDepth}: a request waits for a reading only when there is none younger than {@link
 * QueueDepth#MAX_STALE_NANOS}; otherwise a stale reading answers and one new reading is taken in
 * the background.
 */
class QueueDepthTest {

  private final AtomicLong depth = new AtomicLong(7);
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Deque<Runnable> background = new ArrayDeque<>();
  private volatile boolean unreachable;

  private final EventQueue queue =
      Stubs.stub(
          EventQueue.class,
          (method, args) -> {
            if (!method.equals("depth")) {
              throw new UnsupportedOperationException(method);
            }
            reads.incrementAndGet();
            if (unreachable) {
              throw new QueueUnavailableException("down", null);
            }
            return depth.get();
          });

  private QueueDepth reader(Executor executor) {
    return new QueueDepth(queue, now::get, executor);
  }

  @Test
  void theFirstReadingIsTakenAtOnceAndReusedWithinItsTtl() {
    QueueDepth d = reader(background::add);
    assertThat(d.current()).isEqualTo(7);
    depth.set(9);
    now.addAndGet(QueueDepth.TTL_NANOS - 1);
    assertThat(d.current()).isEqualTo(7);
    assertThat(reads).hasValue(1);
    assertThat(background).isEmpty();
  }

  @Test
  void aStaleReadingAnswersWhileOneNewReadingIsTakenInTheBackground() {
    QueueDepth d = reader(background::add);
    d.current();
    depth.set(9);
    now.addAndGet(QueueDepth.TTL_NANOS);
    assertThat(d.current()).as("the stale reading, no wait").isEqualTo(7);
    assertThat(d.current()).isEqualTo(7);
    assertThat(background).as("one reading in flight, not one per request").hasSize(1);
    assertThat(reads).hasValue(1);
    background.poll().run();
    assertThat(d.current()).isEqualTo(9);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aReadingOlderThanTheStaleLimitIsTakenAtOnce() {
    QueueDepth d = reader(background::add);
    d.current();
    depth.set(9);
    now.addAndGet(QueueDepth.MAX_STALE_NANOS);
    assertThat(d.current()).as("after a quiet spell the request reads").isEqualTo(9);
    assertThat(background).isEmpty();
  }

  @Test
  void aRejectedBackgroundReadingIsTakenAtOnce() {
    QueueDepth d =
        reader(
            r -> {
              throw new RejectedExecutionException("shut down");
            });
    d.current();
    depth.set(9);
    now.addAndGet(QueueDepth.TTL_NANOS);
    assertThat(d.current()).isEqualTo(9);
    depth.set(11);
    now.addAndGet(QueueDepth.TTL_NANOS);
    assertThat(d.current())
        .as("a rejection does not leave a reading marked in flight")
        .isEqualTo(11);
  }

  @Test
  void anUnreachableQueueReadsAsInfinitelyDeepInTheBackgroundToo() {
    QueueDepth d = reader(background::add);
    d.current();
    unreachable = true;
    now.addAndGet(QueueDepth.TTL_NANOS);
    d.current();
    background.poll().run();
    assertThat(d.current()).isEqualTo(Long.MAX_VALUE);
    unreachable = false;
    now.addAndGet(QueueDepth.TTL_NANOS);
    d.current();
    background.poll().run();
    assertThat(d.current()).isEqualTo(7);
  }
}
