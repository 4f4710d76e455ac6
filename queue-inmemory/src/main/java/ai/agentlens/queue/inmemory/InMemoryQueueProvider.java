package ai.agentlens.queue.inmemory;

import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.queue.spi.QueueCapabilities;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;

/** Provides {@link InMemoryEventQueue} under the name {@code in-memory}. */
public final class InMemoryQueueProvider implements QueueProvider {

  private static final QueueCapabilities CAPABILITIES =
      new QueueCapabilities(false, false, true, false, true, false);

  @Override
  public String name() {
    return "in-memory";
  }

  @Override
  public QueueCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public EventQueue open(QueueSettings settings) {
    return new InMemoryEventQueue(settings);
  }
}
