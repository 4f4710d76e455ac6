package ai.agentlens.web.error;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong with a request, as the reference's {@code details} entries.
 *
 * @param path where, e.g. {@code events.0.payload.callId}
 * @param message what, for a human
 */
@Serdeable
public record Problem(String path, String message) {}
