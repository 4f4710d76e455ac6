package ai.agentlens.queue.inmemory;

import ai.agentlens.queue.contract.EventQueueContract;
import ai.agentlens.queue.spi.QueueProvider;
import ai.agentlens.queue.spi.QueueSettings;

/** The test kit's {@link EventQueueContract} against the in-process backend. */
class InMemoryEventQueueContractTest extends EventQueueContract {

  @Override
  protected QueueProvider provider() {
    return new InMemoryQueueProvider();
  }

  @Override
  protected QueueSettings baseSettings(String name) {
    return QueueSettings.defaults(name);
  }
}
