package ai.agentlens.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the first test server that can be had, trying candidates in order, and remembers why each
 * earlier one was passed over so that a failure explains itself. Never skips: when no candidate
 * works, {@link #resolve} throws.
 */
public final class ServerResolver {

  private ServerResolver() {}

  /**
   * One way of getting a server.
   *
   * @param name shown in logs and errors, e.g. {@code localhost:5432}
   * @param attempt returns the server, or empty when this way does not apply here (e.g. no Docker);
   *     throws when it applies but is broken
   * @param fatal when {@code true}, an exception from {@code attempt} stops the search instead of
   *     moving on (used for an explicit URL: a broken explicit setting must not be papered over)
   * @param <T> the server type
   */
  public record Candidate<T>(String name, Attempt<T> attempt, boolean fatal) {}

  /**
   * The attempt of a {@link Candidate}.
   *
   * @param <T> the server type
   */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Tries to get a server.
     *
     * @return the server, or empty when not applicable
     * @throws Exception when applicable but not working
     */
    Optional<T> get() throws Exception;
  }

  /**
   * The chosen server and where it came from.
   *
   * @param server the server
   * @param source the name of the candidate that produced it
   * @param passedOver why each earlier candidate was not used
   * @param <T> the server type
   */
  public record Resolved<T>(T server, String source, List<String> passedOver) {}

  /**
   * Tries each candidate in order.
   *
   * @param what what is looked for, for messages (e.g. {@code PostgreSQL})
   * @param candidates in order of preference
   * @param <T> the server type
   * @return the first server found
   * @throws IllegalStateException when a fatal candidate fails or none works
   */
  public static <T> Resolved<T> resolve(String what, List<Candidate<T>> candidates) {
    List<String> passedOver = new ArrayList<>();
    for (Candidate<T> candidate : candidates) {
      try {
        Optional<T> server = candidate.attempt().get();
        if (server.isPresent()) {
          return new Resolved<>(server.get(), candidate.name(), List.copyOf(passedOver));
        }
        passedOver.add(candidate.name() + ": not available");
      } catch (Exception e) {
        String reason = candidate.name() + ": " + e;
        if (candidate.fatal()) {
          throw new IllegalStateException("test " + what + " from " + reason, e);
        }
        passedOver.add(reason);
      }
    }
    throw new IllegalStateException("no test " + what + " could be had; tried " + passedOver);
  }
}
