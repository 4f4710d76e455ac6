package ai.agentlens.web.wiring;

import ai.agentlens.core.ingest.IngestWorker;
import ai.agentlens.core.ingest.WorkerPool;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.Stores;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import java.net.InetAddress;
import java.util.UUID;

/**
 * Starts this process's ingest workers with the context, unless {@code agentlens.worker.enabled} is
 * {@code false} (an app-cloud {@code gateway} process), and stops them (draining an in-memory
 * queue) when it closes.
 */
@Factory
class WorkerBeans {

  @Context
  @Bean(preDestroy = "stop")
  @Requires(property = "agentlens.worker.enabled", notEquals = "false")
  @Requires(beans = {EventQueue.class, Stores.class})
  WorkerPool workerPool(
      IngestWorker worker, EventQueue queue, @Value("${agentlens.worker.threads:2}") int count) {
    return new WorkerPool(
        worker, queue, count, hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "host";
    }
  }
}
