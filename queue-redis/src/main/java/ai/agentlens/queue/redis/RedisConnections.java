package ai.agentlens.queue.redis;

import ai.agentlens.core.port.QueueUnavailableException;
import ai.agentlens.queue.spi.QueueSettings;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The connection pool of one {@link RedisEventQueue}, with every timeout bounded: connect, read,
 * blocking read (poll wait + operation timeout) and waiting for a free connection. Turns every
 * Redis failure into {@link QueueUnavailableException}. A connection that turns out dead (Redis
 * restarted) drops every idle connection and the call is retried once on a fresh one; a timeout is
 * never retried, as Redis may have executed the command.
 */
final class RedisConnections implements AutoCloseable {

  private final JedisPool pool;
  private final String where;

  RedisConnections(QueueSettings settings) {
    if (settings.url() == null || !JedisURIHelper.isValid(settings.url())) {
      throw new IllegalArgumentException("the Redis queue needs a redis:// or rediss:// URL");
    }
    int op = millis(settings.operationTimeout());
    var uri = settings.url();
    var client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(op)
            .socketTimeoutMillis(op)
            // why: Jedis reads blocking commands (XREADGROUP BLOCK) with this, infinite by default
            .blockingSocketTimeoutMillis(op + millis(settings.maxPollWait()))
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .database(JedisURIHelper.getDBIndex(uri))
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .clientName("agentlens-queue")
            .build();
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(settings.poolSize());
    config.setMaxIdle(settings.poolSize());
    config.setMaxWait(settings.operationTimeout());
    config.setJmxEnabled(false);
    this.pool = new JedisPool(config, JedisURIHelper.getHostAndPort(uri), client);
    this.where = uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 6379);
  }

  /**
   * Runs one unit of work on a pooled connection.
   *
   * @param work the work
   * @return its result
   * @throws QueueUnavailableException when Redis cannot be reached, times out or fails
   */
  <T> T call(Function<Jedis, T> work) {
    try {
      try {
        return once(work);
      } catch (JedisConnectionException e) {
        pool.clear();
        if (timedOut(e)) {
          throw e;
        }
        // why: after a Redis restart every pooled connection is dead; the server never saw the
        // command (it closed the socket), so one retry on a fresh connection is safe
        return once(work);
      }
    } catch (JedisConnectionException e) {
      pool.clear();
      throw new QueueUnavailableException("Redis at " + where + " is unreachable: " + msg(e), e);
    } catch (JedisException e) {
      throw new QueueUnavailableException("Redis at " + where + " failed: " + msg(e), e);
    }
  }

  private <T> T once(Function<Jedis, T> work) {
    try (Jedis jedis = pool.getResource()) {
      return work.apply(jedis);
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String msg(Throwable e) {
    Throwable root = e.getCause() != null ? e.getCause() : e;
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }
}
