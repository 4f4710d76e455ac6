package ai.agentlens.core.ingest.validation;

import java.util.Objects;

/**
 * One thing wrong with an ingest request (reference §1.2: the {@code details} entries of a 400).
 *
 * @param path where, e.g. {@code events.0.payload.callId}; empty for the whole body
 * @param message what, for a person
 */
public record Problem(String path, String message) {

  /** Rejects missing parts. */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
