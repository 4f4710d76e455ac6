package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.CheckedEvent;
import ai.agentlens.core.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One org's part of an append, worked out from the request alone before the transaction: the events
 * with distinct ids grouped by session, the ids repeated within the request, the API key of each
 * event, and the shared counts as they are when every event turns out to be new (the usual case;
 * the transaction folds again only when some were stored before).
 *
 * <p>why: on SQLite the transaction runs on the single writer, whose time per event bounds ingest;
 * this work needs no lock and no row, so it runs on the caller's thread instead.
 */
final class OrgAppend {

  private final String orgId;
  private final TreeMap<String, List<CheckedEvent>> bySession = new TreeMap<>();
  private final List<Event> candidates;
  private final Map<String, String> keyOf = new HashMap<>();
  private final List<String> repeated = new ArrayList<>();
  private final SharedCounts allNew;

  /**
   * Prepares one org's events.
   *
   * @param orgId the org
   * @param batches its batches
   */
  OrgAppend(String orgId, List<Batch> batches) {
    this.orgId = orgId;
    Map<String, CheckedEvent> unique = new LinkedHashMap<>();
    for (Batch b : batches) {
      for (CheckedEvent e : b.events()) {
        if (unique.putIfAbsent(e.event().id(), e) != null) {
          repeated.add(e.event().id());
        } else {
          keyOf.put(e.event().id(), b.apiKeyId() == null ? "" : b.apiKeyId());
        }
      }
    }
    this.candidates = new ArrayList<>(unique.size());
    for (CheckedEvent e : unique.values()) {
      bySession.computeIfAbsent(e.event().sessionId(), k -> new ArrayList<>()).add(e);
      candidates.add(e.event());
    }
    List<Event> chainOrder = new ArrayList<>(candidates.size());
    bySession.values().forEach(s -> s.forEach(e -> chainOrder.add(e.event())));
    this.allNew = SharedCounts.of(chainOrder, keyOf);
  }

  /**
   * One batch of the request.
   *
   * @param apiKeyId the API key it came with, {@code null} for none
   * @param events its checked events
   */
  record Batch(String apiKeyId, List<CheckedEvent> events) {}

  String orgId() {
    return orgId;
  }

  /** The distinct events by session id, sorted (the order sessions are locked and chained in). */
  TreeMap<String, List<CheckedEvent>> bySession() {
    return bySession;
  }

  /** The distinct events, in request order. */
  List<Event> candidates() {
    return candidates;
  }

  /** The API key id of each event id, {@code ""} for none. */
  Map<String, String> keyOf() {
    return keyOf;
  }

  /** Ids that occur more than once in the request, once per repeat. */
  List<String> repeated() {
    return repeated;
  }

  /**
   * Returns the shared counts of what the transaction stored.
   *
   * @param chained the events stored, in chain order
   * @return the counts folded before the transaction when every candidate was stored, else a fold
   *     of {@code chained}
   */
  SharedCounts counts(List<Event> chained) {
    return chained.size() == candidates.size() ? allNew : SharedCounts.of(chained, keyOf);
  }
}
