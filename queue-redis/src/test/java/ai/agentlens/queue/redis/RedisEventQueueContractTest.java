package ai.agentlens.queue.redis;

import ai.agentlens.queue.contract.EventQueueContract;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.testing.TestRedis;

/**
 * The test kit's {@link EventQueueContract} against Redis Streams, on the run's test Redis under
 * its key prefix.
 */
class RedisEventQueueContractTest extends EventQueueContract {

  @Override
  protected QueueProvider provider() {
    return new RedisQueueProvider();
  }

  @Override
  protected QueueSettings baseSettings(String name) {
    return QueueSettings.defaults(name)
        .withUrl(TestRedis.server().uri())
        .withKeyPrefix(TestRedis.keyPrefix());
  }
}
