package ai.agentlens.core.event;

import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.session.SessionProjection;
import java.security.MessageDigest;

/**
 * An unwritten event that passed {@link EventRules}, with what its single parse produced: the
 * payload tree (the one its document holds) (for {@link SessionProjection}) and the RFC 8785
 * canonical hash input around the chain fields (the part before them already digested), so a writer
 * only has to add sequence and previous hash while it holds the session's lock ({@link
 * HashChain#extendChecked}).
 */
public final class CheckedEvent {

  private final Event event;
  private final JsonObject payload;
  private final DigestHead hashHead;
  final byte[] hashTail;

  CheckedEvent(Event event, JsonObject payload, DigestHead hashHead, byte[] hashTail) {
    this.event = event;
    this.payload = payload;
    this.hashHead = hashHead;
    this.hashTail = hashTail;
  }

  /**
   * Returns a digest that has taken the canonical hash input up to the chain fields: a new one each
   * time, so every caller (a retried transaction too) continues from the same state.
   *
   * @return SHA-256 after the input's head
   */
  MessageDigest headDigest() {
    return hashHead.resume();
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
