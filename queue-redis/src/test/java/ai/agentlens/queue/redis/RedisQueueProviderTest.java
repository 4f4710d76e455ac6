package ai.agentlens.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.queue.spi.QueueCapabilities;
import ai.agentlens.queue.spi.QueueProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The Redis backend is found by name and reports what it can do: the contract suite skips and
 * branches by these capabilities, so a wrong report would silently skip or fail tests.
 */
class RedisQueueProviderTest {

  @Test
  void theProviderIsFoundByServiceLoaderAndReportsItsCapabilities() {
    QueueProvider p =
        ServiceLoader.load(QueueProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(x -> x.name().equals("redis"))
            .findFirst()
            .orElseThrow();
    assertThat(p).isInstanceOf(RedisQueueProvider.class);
    assertThat(p.capabilities())
        .isEqualTo(
            new QueueCapabilities(
                /* survivesProcessRestart */ true,
                /* sharedAcrossProcesses */ true,
                /* publishCompletesOnAck */ false,
                /* storesEncodedEnvelopes */ true,
                /* boundedCapacity */ false,
                /* partitionsBySession */ true));
  }
}
