package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.session.AgentSighting;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one write adds to the rows every writer of an org shares, folded in memory from its stored
 * events: events per API key (usage), the hourly and daily roll-up rows, and the agents seen.
 *
 * @param perKey events per API key id ({@code ""} for none), sorted
 * @param hourly the hourly roll-up rows, sorted by key
 * @param daily the daily roll-up rows, sorted by key
 * @param agents the agents seen, sorted by id
 */
record SharedCounts(
    TreeMap<String, Long> perKey,
    TreeMap<RollupKey, RollupCounts> hourly,
    TreeMap<RollupKey, RollupCounts> daily,
    List<AgentSighting> agents) {

  /**
   * Folds stored events.
   *
   * @param events the events, in the order they were chained
   * @param keyOf the API key id of each event id
   * @return the counts
   */
  static SharedCounts of(List<Event> events, Map<String, String> keyOf) {
    TreeMap<String, Long> perKey = new TreeMap<>();
    events.forEach(e -> perKey.merge(keyOf.get(e.id()), 1L, Long::sum));
    return new SharedCounts(
        perKey,
        RollupTable.HOURLY.fold(events),
        RollupTable.DAILY.fold(events),
        AgentSighting.of(events));
  }
}
