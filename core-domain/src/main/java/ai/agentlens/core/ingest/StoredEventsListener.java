package ai.agentlens.core.ingest;

import ai.agentlens.core.event.EventBatch;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told about batches the {@link IngestWorker} committed, after the commit and before the ack. An
 * implementation must return at once (hand the work to its own executor) and must not throw; the
 * worker still guards every call so a listener can neither slow nor fail the store.
 */
@FunctionalInterface
public interface StoredEventsListener {

  /** Listens to nothing. */
  StoredEventsListener NONE = batches -> {};

  /**
   * Called with the batches just committed in one transaction.
   *
   * @param batches the batches (their events as stored, enriched)
   */
  void stored(List<EventBatch> batches);

  /**
   * Tells every listener, in order; a listener that throws is logged and the next still hears.
   *
   * @param listeners the listeners (guardrails, the embedding worker, …)
   * @return one listener for all of them
   */
  static StoredEventsListener all(List<? extends StoredEventsListener> listeners) {
    List<StoredEventsListener> copy = List.copyOf(listeners);
    if (copy.size() == 1) {
      return copy.get(0);
    }
    Logger log = LoggerFactory.getLogger(StoredEventsListener.class);
    return batches -> {
      for (StoredEventsListener l : copy) {
        try {
          l.stored(batches);
        } catch (RuntimeException e) {
          log.warn(
              "stored-events listener {} failed: {}", l.getClass().getSimpleName(), e.toString());
        }
      }
    };
  }
}
