package ai.agentlens.core.event;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.json.Json;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;

/** What an event must look like to be stored, checked by every backend before it writes. */
public final class EventRules {

  /** Largest payload accepted by storage (ingest truncates far earlier, reference §1.6). */
  public static final int MAX_PAYLOAD_BYTES = 1 << 20;

  /** Largest metadata object accepted. */
  public static final int MAX_METADATA_BYTES = 64 * 1024;

  /** Earliest timestamp accepted. */
  public static final Instant MIN_TIMESTAMP = Instant.parse("1970-01-01T00:00:00Z");

  /** Latest timestamp accepted (exclusive). */
  public static final Instant MAX_TIMESTAMP = Instant.parse("9999-01-01T00:00:00Z");

  private EventRules() {}

  /**
   * Checks that one unwritten event of a batch for {@code orgId} can be stored, without preparing
   * its hash. The ingest gateway runs exactly this check before it answers, so the worker never
   * meets an event the store refuses.
   *
   * @param orgId the org the batch is written for
   * @param event the event
   * @throws InvalidInputException naming the event id and the field at fault: another org, a
   *     too-long or blank id, a control character or a lone surrogate in an id, an invalid JSON
   *     payload or metadata (too large, NUL character, lone surrogate), an out-of-range timestamp,
   *     or an event that already carries chain fields (a sequence, or hashes other than a recipe-2
   *     event's own)
   */
  public static void check(String orgId, Event event) {
    trees(orgId, event);
  }

  /**
   * Checks one unwritten event like {@link #check} and keeps what the check produced, for the
   * writer. Payload and metadata are parsed only when their documents have no tree yet.
   *
   * @param orgId the org the batch is written for
   * @param event the event
   * @return the checked event with its payload tree and canonical hash input
   * @throws InvalidInputException as {@link #check}
   */
  public static CheckedEvent validate(String orgId, Event event) {
    JsonObject[] trees = trees(orgId, event);
    return HashChain.prepare(event, trees[0], trees[1]);
  }

  private static JsonObject[] trees(String orgId, Event event) {
    String where = "event " + abbreviate(event.id()) + ": ";
    JsonObject payload;
    JsonObject metadata;
    try {
      Fields.required("id", event.id(), Fields.MAX_ID);
      Fields.required("sessionId", event.sessionId(), Fields.MAX_NAME);
      Fields.required("agentId", event.agentId(), Fields.MAX_NAME);
      payload = Json.check("payload", event.payload(), MAX_PAYLOAD_BYTES);
      metadata = Json.check("metadata", event.metadata(), MAX_METADATA_BYTES);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(where + e.getMessage(), e);
    }
    if (!orgId.equals(event.orgId())) {
      throw new InvalidInputException(where + "belongs to another org than the batch");
    }
    if (event.timestamp().isBefore(MIN_TIMESTAMP) || !event.timestamp().isBefore(MAX_TIMESTAMP)) {
      throw new InvalidInputException(where + "timestamp out of range");
    }
    // why: a recipe-2 import arrives with the hashes it keeps (HashChain.extendChecked)
    boolean ownHash = event.keepsOwnHash();
    if (event.sequence() != 0 || (!ownHash && (event.hash() != null || event.prevHash() != null))) {
      throw new InvalidInputException(where + "already chained; only unwritten events are stored");
    }
    return new JsonObject[] {payload, metadata};
  }

  private static String abbreviate(String id) {
    if (id == null) {
      return "(no id)";
    }
    return id.length() <= 40 ? id : id.substring(0, 40) + "…";
  }
}
