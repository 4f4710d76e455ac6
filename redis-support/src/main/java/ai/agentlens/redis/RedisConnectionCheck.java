package ai.agentlens.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Answers "can we reach Redis right now?" for start-up checks and readiness probes, with a fresh
 * connection and a {@code PING} each time.
 */
public final class RedisConnectionCheck {

  private final URI uri;
  private final Duration timeout;

  /**
   * Creates a check.
   *
   * @param uri a {@code redis://} or {@code rediss://} URI, possibly with credentials
   * @param timeout connect and read timeout of one check
   */
  public RedisConnectionCheck(URI uri, Duration timeout) {
    this.uri = uri;
    this.timeout = timeout;
  }

  /**
   * Parses and validates a Redis URL.
   *
   * @param raw the configured value
   * @return the URI
   * @throws IllegalArgumentException with an operator-facing message when it is not a Redis URL
   */
  public static URI parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("Redis URL is empty");
    }
    URI uri;
    try {
      uri = URI.create(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Redis URL is malformed");
    }
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new IllegalArgumentException("Redis URL must start with redis:// or rediss://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("Redis URL has no host");
    }
    return uri;
  }

  /**
   * Returns where Redis is, without credentials, for messages.
   *
   * @return host and port
   */
  public String display() {
    return RedisClients.display(uri);
  }

  /**
   * Connects and sends {@code PING}.
   *
   * @return empty when Redis answered {@code PONG}; otherwise why not, in one line without secrets
   */
  public Optional<String> problem() {
    int millis = (int) Math.max(1, timeout.toMillis());
    try (Jedis jedis = new Jedis(uri, millis)) {
      String pong = jedis.ping();
      return "PONG".equalsIgnoreCase(pong)
          ? Optional.empty()
          : Optional.of("Redis at " + display() + " answered " + pong + " to PING");
    } catch (JedisException e) {
      String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      return Optional.of("cannot reach Redis at " + display() + " (" + cause + ")");
    }
  }
}
