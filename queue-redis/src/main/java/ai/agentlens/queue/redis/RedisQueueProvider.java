package ai.agentlens.queue.redis;

import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.queue.spi.QueueCapabilities;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;

/** Provides {@link RedisEventQueue} under the name {@code redis}. */
public final class RedisQueueProvider implements QueueProvider {

  private static final QueueCapabilities CAPABILITIES =
      new QueueCapabilities(true, true, false, true, false, true);

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public QueueCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public EventQueue open(QueueSettings settings) {
    return new RedisEventQueue(settings);
  }
}
