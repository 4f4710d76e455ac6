package ai.agentlens.redis;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The one connection setup of every Redis adapter: credentials, database and TLS from the {@code
 * redis://}/{@code rediss://} URL, every timeout bounded ({@link RedisClientSettings}), no JMX.
 */
public final class RedisClients {

  private RedisClients() {}

  /**
   * Builds the per-connection configuration.
   *
   * @param url the Redis URL (see {@link RedisConnectionCheck#parse})
   * @param settings timeouts and client name
   * @return the client configuration
   * @throws IllegalArgumentException when the URL is not a Redis URL
   */
  public static JedisClientConfig clientConfig(URI url, RedisClientSettings settings) {
    if (url == null
        || !("redis".equals(url.getScheme()) || "rediss".equals(url.getScheme()))
        || !JedisURIHelper.isValid(url)) {
      throw new IllegalArgumentException("a Redis adapter needs a redis:// or rediss:// URL");
    }
    int op = millis(settings.operationTimeout());
    return DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(op)
        .socketTimeoutMillis(op)
        // why: Jedis reads blocking commands (XREADGROUP BLOCK, SUBSCRIBE) with this timeout; a
        // subscription idles indefinitely, so zero blocking wait means no read timeout there
        .blockingSocketTimeoutMillis(
            settings.blockingWait().isZero() ? 0 : op + millis(settings.blockingWait()))
        .user(JedisURIHelper.getUser(url))
        .password(JedisURIHelper.getPassword(url))
        .database(JedisURIHelper.getDBIndex(url))
        .ssl(JedisURIHelper.isRedisSSLScheme(url))
        .clientName(settings.clientName())
        .build();
  }

  /**
   * Opens a pool of {@link redis.clients.jedis.Jedis} connections (for callers that need one
   * connection for several commands, e.g. {@code MULTI}).
   *
   * @param url the Redis URL
   * @param settings timeouts, pool size and client name
   * @return the pool; close it
   */
  public static JedisPool pool(URI url, RedisClientSettings settings) {
    return new JedisPool(
        poolConfig(settings), JedisURIHelper.getHostAndPort(url), clientConfig(url, settings));
  }

  /**
   * Opens a pooled client that takes a connection per command.
   *
   * @param url the Redis URL
   * @param settings timeouts, pool size and client name
   * @return the client; close it
   */
  public static JedisPooled pooled(URI url, RedisClientSettings settings) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    pool.setMaxWait(settings.operationTimeout());
    pool.setJmxEnabled(false);
    return new JedisPooled(JedisURIHelper.getHostAndPort(url), clientConfig(url, settings), pool);
  }

  /**
   * Names a Redis server for messages, without credentials.
   *
   * @param url the Redis URL
   * @return {@code host:port}
   */
  public static String display(URI url) {
    return url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 6379);
  }

  private static JedisPoolConfig poolConfig(RedisClientSettings settings) {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(settings.poolSize());
    config.setMaxIdle(settings.poolSize());
    config.setMaxWait(settings.operationTimeout());
    config.setJmxEnabled(false);
    return config;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }
}
