package ai.agentlens.core.event;

import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.session.SessionProjection;

/**
 * An unwritten event that passed {@link EventRules}, with what its single parse produced: the
 * payload tree (the one its document holds) (for {@link SessionProjection}) and the RFC 8785
 * canonical hash input around the chain fields, so a writer only has to add sequence and previous
 * hash while it holds the session's lock ({@link HashChain#extendChecked}).
 */
public final class CheckedEvent {

  private final Event event;
  private final JsonObject payload;
  final byte[] hashHead;
  final byte[] hashTail;

  CheckedEvent(Event event, JsonObject payload, byte[] hashHead, byte[] hashTail) {
    this.event = event;
    this.payload = payload;
    this.hashHead = hashHead;
    this.hashTail = hashTail;
  }

  /**
   * Returns the event.
   *
   * @return the unwritten event
   */
  public Event event() {
    return event;
  }

  /**
   * Returns the parsed payload.
   *
   * @return the payload object
   */
  public JsonObject payload() {
    return payload;
  }
}
