package ai.agentlens.core.event;

import java.util.List;

/**
 * What an event write did.
 *
 * @param stored the newly stored events, chained (sequence, prevHash, hash), in the order written
 * @param duplicateIds ids that were already stored (or repeated within the call) and were skipped
 */
public record AppendResult(List<Event> stored, List<String> duplicateIds) {

  /** Copies the lists. */
  public AppendResult {
    stored = List.copyOf(stored);
    duplicateIds = List.copyOf(duplicateIds);
  }
}
