package ai.agentlens.queue.inmemory;

import ai.agentlens.core.port.queue.DeadLetter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters of {@link InMemoryEventQueue}, oldest first, bounded: when full, the oldest is
 * dropped with a warning. Nothing is lost silently: the publisher of every dead letter was already
 * told (its publish stage failed), so a dead letter here is a diagnostic copy. Not thread-safe;
 * guarded by the queue's lock.
 */
final class DeadLetterShelf {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterShelf.class);

  private final int capacity;
  private final Map<String, DeadLetter> letters = new LinkedHashMap<>();

  DeadLetterShelf(int capacity) {
    this.capacity = capacity;
  }

  void add(DeadLetter letter) {
    if (letters.size() >= capacity) {
      Iterator<DeadLetter> oldest = letters.values().iterator();
      DeadLetter dropped = oldest.next();
      oldest.remove();
      LOG.warn(
          "dead-letter shelf full ({}); dropped the oldest, envelope {}",
          capacity,
          dropped.envelope().id());
    }
    letters.put(letter.id(), letter);
  }

  List<DeadLetter> list(int limit) {
    List<DeadLetter> out = new ArrayList<>(Math.min(limit, letters.size()));
    for (DeadLetter d : letters.values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(d);
    }
    return out;
  }

  DeadLetter take(String id) {
    return letters.remove(id);
  }

  int size() {
    return letters.size();
  }

  long purge() {
    long n = letters.size();
    letters.clear();
    return n;
  }
}
