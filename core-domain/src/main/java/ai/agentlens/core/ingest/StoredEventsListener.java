package ai.agentlens.core.ingest;

import ai.agentlens.core.event.EventBatch;
import java.util.List;

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
}
