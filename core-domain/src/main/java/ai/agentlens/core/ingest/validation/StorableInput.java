package ai.agentlens.core.ingest.validation;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventRules;
import ai.agentlens.core.json.JsonDoc;
import java.util.List;

/**
 * The gateway's half of "the gateway and the store agree on what is valid": what every storage
 * backend would refuse is refused here, with a 400, before the request is answered. Otherwise an
 * event would be accepted and then fail in the worker on every retry.
 */
final class StorableInput {

  private StorableInput() {}

  /**
   * Checks the characters of a payload or metadata document.
   *
   * @param doc the document
   * @param path its path, for messages
   * @param problems where to add what is wrong
   */
  static void text(JsonDoc doc, String path, List<Problem> problems) {
    // why: PostgreSQL jsonb cannot store U+0000, so storage would refuse the event after the 202
    if (doc.containsNul()) {
      problems.add(new Problem(path, "must not contain the NUL character \\u0000"));
    }
    // why: a lone surrogate has no UTF-8 form; stored as '?', the event would fail its hash check
    if (doc.containsLoneSurrogate()) {
      problems.add(new Problem(path, "must not contain a lone surrogate (invalid Unicode)"));
    }
  }

  /**
   * Checks the size of the metadata against the store's limit (the payload is truncated instead).
   *
   * @param metadata the metadata document
   * @param path its path, for messages
   * @param problems where to add what is wrong
   */
  static void metadataSize(JsonDoc metadata, String path, List<Problem> problems) {
    int max = EventRules.MAX_METADATA_BYTES;
    // why: a UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no counting
    if (metadata.text().length() > max / 3 && metadata.utf8Length() > max) {
      problems.add(new Problem(path, "must be at most " + max + " bytes of JSON"));
    }
  }

  /**
   * Runs the store's own check on a built event, so nothing accepted here can be refused by the
   * worker; the rules before it only give better messages.
   *
   * @param event the event as it will be queued
   * @param path the event's path prefix, e.g. {@code events.3.}
   * @param problems where to add what is wrong
   */
  static void event(Event event, String path, List<Problem> problems) {
    try {
      EventRules.check(event.orgId(), event);
    } catch (InvalidInputException e) {
      String message = e.getMessage();
      String prefix = "event " + event.id() + ": ";
      if (message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
      String at = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
      problems.add(new Problem(at, message));
    }
  }
}
