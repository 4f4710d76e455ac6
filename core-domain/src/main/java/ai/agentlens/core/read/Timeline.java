package ai.agentlens.core.read;

import ai.agentlens.core.event.ChainVerification;
import ai.agentlens.core.event.Event;
import java.util.List;

/**
 * One page of a session's timeline with the verification of the session's <em>whole</em> hash
 * chain.
 *
 * @param events the page's events in chain order (sequence ascending)
 * @param hasMore whether the session has events after the page
 * @param chain valid, or the index (0-based, counted from the session's first event) of the first
 *     event that breaks the chain and why
 * @param verifiedFrom the sequence the verification starts at: 1, or the first kept event's when
 *     older events of the session were purged (the timeline says "verified from #N")
 */
public record Timeline(
    List<Event> events, boolean hasMore, ChainVerification chain, long verifiedFrom) {

  /** Copies the page. */
  public Timeline {
    events = List.copyOf(events);
  }

  /**
   * A page of a session of which nothing was purged: verified from its first event.
   *
   * @param events the page's events
   * @param hasMore whether the session has events after the page
   * @param chain the verification
   */
  public Timeline(List<Event> events, boolean hasMore, ChainVerification chain) {
    this(events, hasMore, chain, 1);
  }
}
