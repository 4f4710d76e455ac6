package ai.agentlens.web.wiring;

import ai.agentlens.core.ingest.IngestWorker;
import ai.agentlens.core.port.EventQueue;
import ai.agentlens.core.port.QueueUnavailableException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ingest workers of this process: {@code agentlens.worker.threads} threads, each a
 * consumer of the queue's group, looping {@link IngestWorker#runOnce}. Disabled with {@code
 * agentlens.worker.enabled=false} (an app-cloud {@code gateway} process). On shutdown it first
 * closes the queue, so an in-memory queue drains through these still-running workers, then stops
 * them.
 */
@Context
@Requires(property = "agentlens.worker.enabled", notEquals = "false")
@Requires(beans = {EventQueue.class, ai.agentlens.core.port.storage.Stores.class})
public class WorkerPool {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final IngestWorker worker;
  private final EventQueue queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  WorkerPool(
      IngestWorker worker, EventQueue queue, @Value("${agentlens.worker.threads:2}") int count) {
    this.worker = worker;
    this.queue = queue;
    String host = hostName();
    String instance = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < count; i++) {
      String consumer = host + "-" + instance + "-" + i;
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

  /** Drains (in-memory) by closing the queue while the workers still run, then stops them. */
  @PreDestroy
  void stop() {
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

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "host";
    }
  }
}
