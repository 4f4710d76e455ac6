package ai.agentlens.parity.queue;

import ai.agentlens.queue.redis.RedisQueueProvider;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.testing.TestRedis;

/** The queue contract against Redis Streams, on the run's test Redis under its key prefix. */
class RedisEventQueueContractTest extends EventQueueContract {

  @Override
  QueueProvider provider() {
    return new RedisQueueProvider();
  }

  @Override
  QueueSettings baseSettings(String name) {
    return QueueSettings.defaults(name)
        .withUrl(TestRedis.server().uri())
        .withKeyPrefix(TestRedis.keyPrefix());
  }
}
