package ai.agentlens.testing;

import java.net.URI;

/**
 * A Redis server a test may use.
 *
 * @param host host name
 * @param port port
 * @param password password, or empty
 * @param source which candidate produced it
 */
public record TestRedisServer(String host, int port, String password, String source) {

  /**
   * Returns the server as a {@code redis://} URI, as {@code AGENTLENS_REDIS_URL} would carry it.
   *
   * @return the URI
   */
  public URI uri() {
    String auth = password.isEmpty() ? "" : ":" + password + "@";
    return URI.create("redis://" + auth + host + ":" + port);
  }
}
