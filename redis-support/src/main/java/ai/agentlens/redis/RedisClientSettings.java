package ai.agentlens.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How every Redis adapter connects: the same bounded timeouts, pool size and client name for the
 * queue and for coordination (rate limits, failed logins, key revocations).
 *
 * @param operationTimeout connect, read and write timeout of one command, and the longest wait for
 *     a free pooled connection
 * @param blockingWait longest server-side block of a blocking read (e.g. {@code XREADGROUP BLOCK});
 *     such reads get {@code operationTimeout + blockingWait} before the socket gives up. Zero means
 *     blocking commands wait without a read timeout: what a pub/sub subscription needs, as it may
 *     idle for hours (ordinary commands keep {@code operationTimeout})
 * @param poolSize most connections in the pool
 * @param clientName shown by {@code CLIENT LIST}, e.g. {@code agentlens-queue}
 */
public record RedisClientSettings(
    Duration operationTimeout, Duration blockingWait, int poolSize, String clientName) {

  /** Checks the values. */
  public RedisClientSettings {
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(blockingWait, "blockingWait");
    Objects.requireNonNull(clientName, "clientName");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1");
    }
  }

  /**
   * Settings for coordination clients: 2 s per ordinary command, 16 connections, and subscriptions
   * ({@code SUBSCRIBE}) that wait for messages without a read timeout.
   *
   * @param clientName the client name
   * @return the settings
   */
  public static RedisClientSettings coordination(String clientName) {
    return new RedisClientSettings(Duration.ofSeconds(2), Duration.ZERO, 16, clientName);
  }
}
