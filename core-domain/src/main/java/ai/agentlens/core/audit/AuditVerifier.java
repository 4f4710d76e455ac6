package ai.agentlens.core.audit;

import ai.agentlens.core.audit.VerificationReport.BrokenChain;
import ai.agentlens.core.event.ChainVerification;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.HashChain;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Audit verification (reference §4.3.12): re-verifies whole per-session hash chains, for one
 * session or for every session with at least one event in a time range, and signs the report.
 *
 * <p>Each chain is read in chain order in chunks of {@link #CHUNK} events with linkage across
 * chunks, so memory stays bounded by one chunk however long a session is. Range mode finds the
 * sessions through the store's export keyset (session id order), one short read per session. The
 * time budget is checked after every chunk; past it, {@link VerificationTimeout} and no report.
 * Thread-safe; reads only. Storage errors pass through.
 */
public final class AuditVerifier {

  /** Events read per store call. */
  public static final int CHUNK = 5_000;

  /** Longest range, in days. */
  public static final int MAX_RANGE_DAYS = 366;

  private final EventStore events;
  private final Clock clock;
  private final ReportSigner signer;
  private final Duration budget;
  private final BiFunction<String, String, OptionalLong> purgePoints;

  /**
   * Creates the use case.
   *
   * @param events the event log
   * @param clock now, for {@code verifiedAt} and the budget
   * @param signer the server's report signer
   * @param budget how long one verification may take
   */
  public AuditVerifier(EventStore events, Clock clock, ReportSigner signer, Duration budget) {
    this(events, clock, signer, budget, (org, session) -> OptionalLong.empty());
  }

  /**
   * Creates the use case for storage that purges old events: a session whose first events were
   * purged is verified from its first kept event, whose link to the purged one is taken as stored.
   *
   * @param events the event log
   * @param clock now, for {@code verifiedAt} and the budget
   * @param signer the server's report signer
   * @param budget how long one verification may take
   * @param purgePoints the first kept sequence of a partly purged session (org, session), or empty
   */
  public AuditVerifier(
      EventStore events,
      Clock clock,
      ReportSigner signer,
      Duration budget,
      BiFunction<String, String, OptionalLong> purgePoints) {
    this.events = events;
    this.clock = clock;
    this.signer = signer;
    this.budget = budget;
    this.purgePoints = purgePoints;
  }

  /**
   * Checks that a range is at most a year long (leap years included) and not empty.
   *
   * @param from inclusive start
   * @param to exclusive end
   * @return whether it may be verified
   */
  public static boolean validRange(Instant from, Instant to) {
    return from.isBefore(to) && !to.isAfter(from.plus(Duration.ofDays(MAX_RANGE_DAYS)));
  }

  /**
   * Verifies one session's whole chain.
   *
   * @param orgId the org
   * @param sessionId the session
   * @param sink receives every event read, in chain order (for exports)
   * @return the signed report, or empty when the org has no event in that session
   * @throws VerificationTimeout past the budget
   */
  public Optional<VerificationReport> session(
      String orgId, String sessionId, Consumer<Event> sink) {
    Run run = new Run(sink);
    if (!run.verify(orgId, sessionId)) {
      return Optional.empty();
    }
    return Optional.of(run.report(null, null, sessionId));
  }

  /**
   * Verifies the whole chain of every session with an event in {@code [from, to)}, in session id
   * order.
   *
   * @param orgId the org
   * @param from inclusive start
   * @param to exclusive end
   * @param sink receives every event read, session by session in chain order (for exports)
   * @return the signed report (no sessions: verified, zero counts)
   * @throws IllegalArgumentException when {@link #validRange} is false
   * @throws VerificationTimeout past the budget
   */
  public VerificationReport range(String orgId, Instant from, Instant to, Consumer<Event> sink) {
    if (!validRange(from, to)) {
      throw new IllegalArgumentException("from must be before to, at most a year apart");
    }
    Run run = new Run(sink);
    String after = "";
    while (true) {
      // why: (after, MAX) skips the rest of a session, so each read yields the next session only
      List<Event> next = events.exportPage(orgId, from, to, after, Long.MAX_VALUE, 1);
      if (next.isEmpty()) {
        break;
      }
      after = next.get(0).sessionId();
      run.verify(orgId, after);
    }
    return run.report(from, to, null);
  }

  /** One verification's state. */
  private final class Run {
    private final Consumer<Event> sink;
    private final Instant started = clock.now();
    private final Instant deadline = started.plus(budget);
    private final List<BrokenChain> broken = new ArrayList<>();
    private long sessions;
    private long total;
    private String firstHash;
    private String lastHash;

    Run(Consumer<Event> sink) {
      this.sink = sink;
    }

    /** Verifies one whole chain; false when it has no event. */
    boolean verify(String orgId, String sessionId) {
      long seen = 0;
      long nextSequence = purgePoints.apply(orgId, sessionId).orElse(1);
      String prev = null;
      BrokenChain failure = null;
      List<Event> read;
      long after = 0;
      do {
        read = events.timeline(orgId, sessionId, after, CHUNK);
        if (read.isEmpty()) {
          break;
        }
        if (seen == 0 && nextSequence > 1) {
          // why: the event this one links to was purged; its stored link is all that is left of it
          prev = read.get(0).prevHash();
        }
        if (failure == null) {
          ChainVerification v = HashChain.verify(read, nextSequence, prev);
          if (v.valid()) {
            nextSequence = read.get(read.size() - 1).sequence() + 1;
            prev = read.get(read.size() - 1).hash();
          } else {
            Event bad = read.get(v.failedAtIndex());
            failure = new BrokenChain(sessionId, seen + v.failedAtIndex(), bad.id(), v.reason());
          }
        }
        if (firstHash == null) {
          firstHash = read.get(0).hash();
        }
        lastHash = read.get(read.size() - 1).hash();
        read.forEach(sink);
        seen += read.size();
        after = read.get(read.size() - 1).sequence();
        if (!clock.now().isBefore(deadline)) {
          throw new VerificationTimeout(budget);
        }
      } while (read.size() == CHUNK);
      if (seen == 0) {
        return false;
      }
      sessions++;
      total += seen;
      if (failure != null) {
        broken.add(failure);
      }
      return true;
    }

    VerificationReport report(Instant from, Instant to, String sessionId) {
      return signer.sign(
          new VerificationReport(
              broken.isEmpty(),
              started,
              from,
              to,
              sessionId,
              sessions,
              total,
              firstHash,
              lastHash,
              broken,
              null));
    }
  }
}
