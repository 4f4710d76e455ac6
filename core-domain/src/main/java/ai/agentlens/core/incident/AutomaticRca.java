package ai.agentlens.core.incident;

import ai.agentlens.core.incident.model.Incident;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the root-cause analysis of each newly opened incident on a bounded executor, off the
 * detection path (a model call can take seconds). A full executor skips the incident and counts it:
 * the analysis can still be run from the API or the incident page. Thread-safe.
 */
public final class AutomaticRca implements Consumer<Incident> {

  private static final Logger LOG = LoggerFactory.getLogger(AutomaticRca.class);

  private final RootCauseAnalyzer analyzer;
  private final Executor executor;
  private final AtomicLong skipped = new AtomicLong();

  /**
   * Creates the hook.
   *
   * @param analyzer the analysis
   * @param executor a bounded executor that rejects when full
   */
  public AutomaticRca(RootCauseAnalyzer analyzer, Executor executor) {
    this.analyzer = analyzer;
    this.executor = executor;
  }

  @Override
  public void accept(Incident incident) {
    try {
      executor.execute(
          () -> {
            try {
              analyzer.analyze(incident.orgId(), incident.id());
            } catch (RuntimeException e) {
              LOG.warn(
                  "root-cause analysis of incident {} failed: {}", incident.id(), e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "root-cause analysis queue full: skipped incident {} ({} so far)",
          incident.id(),
          skipped.incrementAndGet());
    }
  }

  /**
   * Returns how many incidents a full executor skipped.
   *
   * @return the count
   */
  public long skipped() {
    return skipped.get();
  }
}
