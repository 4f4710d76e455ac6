package ai.agentlens.web.observe;

import ai.agentlens.core.ingest.IngestWorker;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The ingest workers' meters: envelopes and events per committed batch ({@code
 * agentlens_worker_batch_envelopes}, {@code agentlens_worker_batch_events}) and the batch's write
 * time ({@code agentlens_worker_write_seconds}).
 */
public final class WorkerMeters {

  private WorkerMeters() {}

  /**
   * Builds the observer the workers report to.
   *
   * @param registry where the meters live
   * @return the observer
   */
  public static IngestWorker.BatchObserver observer(MeterRegistry registry) {
    DistributionSummary envelopes =
        DistributionSummary.builder("agentlens.worker.batch.envelopes")
            .description("Envelopes per committed worker batch")
            .register(registry);
    DistributionSummary events =
        DistributionSummary.builder("agentlens.worker.batch.events")
            .description("Events per committed worker batch")
            .register(registry);
    Timer write =
        Timer.builder("agentlens.worker.write")
            .description("Time to write one worker batch in one transaction")
            .register(registry);
    return (envelopeCount, eventCount, nanos) -> {
      envelopes.record(envelopeCount);
      events.record(eventCount);
      write.record(nanos, TimeUnit.NANOSECONDS);
    };
  }
}
