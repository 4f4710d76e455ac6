package ai.agentlens.core.read;

import ai.agentlens.core.event.ChainVerification;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.port.storage.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * A session's timeline with hash-chain verification (reference §2.3, §4.3.1), the one the JSON API
 * and the dashboard both show.
 *
 * <p>Every call verifies the session's whole chain, however long: it reads every event in chain
 * order in chunks of at most {@link #chunkSize()} events, so memory stays bounded by one chunk plus
 * the page asked for, and no cap makes a long session look unverified. The page is cut from the
 * same pass. Thread-safe; reads only. Errors are the {@link EventStore}'s.
 */
public final class SessionTimeline {

  /** Events read per store call while verifying. */
  public static final int DEFAULT_CHUNK = 1_000;

  /** A page size meaning "every event after the start". */
  public static final int ALL = Integer.MAX_VALUE;

  private final EventStore events;
  private final int chunk;
  private final BiFunction<String, String, OptionalLong> purgePoints;

  /**
   * Creates the use case with {@link #DEFAULT_CHUNK}.
   *
   * @param events the event log
   */
  public SessionTimeline(EventStore events) {
    this(events, DEFAULT_CHUNK);
  }

  /**
   * Creates the use case.
   *
   * @param events the event log
   * @param chunk events per store call, 1..10,000 (the store's limit)
   * @throws IllegalArgumentException when the chunk is out of range
   */
  public SessionTimeline(EventStore events, int chunk) {
    this(events, chunk, (org, session) -> OptionalLong.empty());
  }

  /**
   * Creates the use case for storage that purges old events: a session whose first events were
   * purged is verified from its first kept event, whose link to the purged one is taken as stored.
   *
   * @param events the event log
   * @param chunk events per store call, 1..10,000 (the store's limit)
   * @param purgePoints the first kept sequence of a partly purged session (org, session), or empty
   * @throws IllegalArgumentException when the chunk is out of range
   */
  public SessionTimeline(
      EventStore events, int chunk, BiFunction<String, String, OptionalLong> purgePoints) {
    if (chunk < 1 || chunk > 10_000) {
      throw new IllegalArgumentException("chunk must be 1..10000, got " + chunk);
    }
    this.events = events;
    this.chunk = chunk;
    this.purgePoints = purgePoints;
  }

  /**
   * Returns the number of events read per store call.
   *
   * @return the chunk size
   */
  public int chunkSize() {
    return chunk;
  }

  /**
   * Reads a page of a session's timeline and verifies the whole chain.
   *
   * @param orgId the org; a session of another org is not found
   * @param sessionId the session
   * @param afterSequence the page holds events with a greater sequence (0 from the start)
   * @param limit at most this many events in the page, &ge; 1 ({@link #ALL} for every one)
   * @return the page and the verification, or empty when the org has no event in that session
   * @throws IllegalArgumentException when {@code limit} &lt; 1 or {@code afterSequence} &lt; 0
   */
  public Optional<Timeline> read(String orgId, String sessionId, long afterSequence, int limit) {
    if (limit < 1 || afterSequence < 0) {
      throw new IllegalArgumentException("limit must be >= 1 and afterSequence >= 0");
    }
    long from = purgePoints.apply(orgId, sessionId).orElse(1);
    Verifier verifier = new Verifier(from);
    List<Event> page = new ArrayList<>(Math.min(limit, chunk));
    boolean more = false;
    long after = 0;
    List<Event> read;
    do {
      read = events.timeline(orgId, sessionId, after, chunk);
      verifier.check(read);
      for (Event e : read) {
        if (e.sequence() <= afterSequence) {
          continue;
        }
        if (page.size() < limit) {
          page.add(e);
        } else {
          more = true;
        }
      }
      if (!read.isEmpty()) {
        after = read.get(read.size() - 1).sequence();
      }
      // why: once the chain is known broken and the page is full, later events change nothing
    } while (read.size() == chunk && !(verifier.failed() && more));
    if (verifier.seen == 0) {
      return Optional.empty();
    }
    return Optional.of(new Timeline(page, more, verifier.result(), from));
  }

  /** Verifies consecutive chunks of one chain, remembering the first failure. */
  private static final class Verifier {
    private long seen;
    private long nextSequence;
    private String prevHash;
    private ChainVerification failure;

    Verifier(long from) {
      this.nextSequence = from;
    }

    void check(List<Event> chunk) {
      if (seen == 0 && nextSequence > 1 && !chunk.isEmpty()) {
        // why: the event this one links to was purged; its stored link is all that is left of it
        prevHash = chunk.get(0).prevHash();
      }
      if (failure == null && !chunk.isEmpty()) {
        ChainVerification v = HashChain.verify(chunk, nextSequence, prevHash);
        if (v.valid()) {
          Event last = chunk.get(chunk.size() - 1);
          nextSequence = last.sequence() + 1;
          prevHash = last.hash();
        } else {
          failure =
              ChainVerification.failedAt(Math.toIntExact(seen + v.failedAtIndex()), v.reason());
        }
      }
      seen += chunk.size();
    }

    boolean failed() {
      return failure != null;
    }

    ChainVerification result() {
      return failure == null ? ChainVerification.VALID : failure;
    }
  }
}
