package ai.agentlens.web.wiring;

import ai.agentlens.core.apikey.KeyUsageRecorder;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes API keys' {@code last_used_at} every few seconds and at shutdown (FR-21). */
@Singleton
@io.micronaut.context.annotation.Requires(beans = ai.agentlens.core.port.storage.Stores.class)
public class KeyUsageFlusher {

  private static final Logger LOG = LoggerFactory.getLogger(KeyUsageFlusher.class);

  private final KeyUsageRecorder recorder;

  KeyUsageFlusher(KeyUsageRecorder recorder) {
    this.recorder = recorder;
  }

  @Scheduled(
      fixedDelay = "${agentlens.keys.last-used-flush:5s}",
      initialDelay = "${agentlens.keys.last-used-flush:5s}")
  @PreDestroy
  void flush() {
    try {
      recorder.flush();
    } catch (RuntimeException e) {
      LOG.warn("could not record API key use: {}", e.getMessage());
    }
  }
}
