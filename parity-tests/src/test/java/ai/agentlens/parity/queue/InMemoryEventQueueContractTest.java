package ai.agentlens.parity.queue;

import ai.agentlens.queue.inmemory.InMemoryQueueProvider;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;

/** The queue contract against the in-process backend. */
class InMemoryEventQueueContractTest extends EventQueueContract {

  @Override
  QueueProvider provider() {
    return new InMemoryQueueProvider();
  }

  @Override
  QueueSettings baseSettings(String name) {
    return QueueSettings.defaults(name);
  }
}
