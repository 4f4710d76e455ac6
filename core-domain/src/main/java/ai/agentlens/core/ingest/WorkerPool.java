package ai.agentlens.core.ingest;

import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ingest workers of one process: {@code threads} daemon threads, each a consumer of the
 * queue's group, looping {@link IngestWorker#runOnce}. A worker that meets an unreachable queue
 * waits a second and tries again; any other failure is logged and the loop goes on, so one bad
 * batch never stops ingestion. On {@link #stop()} the queue is closed first, so an in-memory queue
 * drains through the still-running workers, then the threads end.
 */
public final class WorkerPool {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final IngestWorker worker;
  private final EventQueue queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  /**
   * Starts the workers.
   *
   * @param worker the use case each thread runs
   * @param queue the queue they consume (closed by {@link #stop()})
   * @param count how many threads
   * @param consumerPrefix unique per process (e.g. host and a random part); thread {@code i}
   *     consumes as {@code consumerPrefix-i}
   */
  public WorkerPool(IngestWorker worker, EventQueue queue, int count, String consumerPrefix) {
    if (count < 1) {
      throw new IllegalArgumentException("a worker pool needs at least one thread");
    }
    this.worker = worker;
    this.queue = queue;
    for (int i = 0; i < count; i++) {
      String consumer = consumerPrefix + "-" + i;
      Thread t = new Thread(() -> loop(consumer), "ingest-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    LOG.info("{} ingest worker(s) consuming group {}", count, queue.group());
  }

  private void loop(String consumer) {
    while (running) {
      try {
        worker.runOnce(consumer);
      } catch (QueueUnavailableException e) {
        if (running) {
          LOG.warn("queue unavailable, retrying in 1 s: {}", e.getMessage());
          pause(1000);
        }
      } catch (RuntimeException e) {
        LOG.error("ingest worker {} failed; continuing", consumer, e);
        pause(200);
      }
    }
  }

  /**
   * Drains (in-memory) by closing the queue while the workers still run, then stops them, waiting
   * up to 5 s per thread. Idempotent.
   */
  public void stop() {
    try {
      queue.close();
    } finally {
      running = false;
      for (Thread t : threads) {
        try {
          t.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
