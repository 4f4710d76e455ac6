package ai.agentlens.redis;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A connection pool that runs units of work and turns every Redis failure into the caller's own
 * exception (e.g. the queue's {@code QueueUnavailableException}). A connection that turns out dead
 * (Redis restarted) drops every idle connection and the work is retried once on a fresh one; a
 * timeout is never retried, as Redis may have executed the command.
 */
public final class RedisPool implements AutoCloseable {

  private final JedisPool pool;
  private final String where;
  private final BiFunction<String, Throwable, RuntimeException> failure;

  /**
   * Opens the pool (connections are made on demand).
   *
   * @param url the Redis URL
   * @param settings timeouts, pool size and client name
   * @param failure makes the exception thrown for a failure from a message naming the server and
   *     the cause
   */
  public RedisPool(
      URI url,
      RedisClientSettings settings,
      BiFunction<String, Throwable, RuntimeException> failure) {
    this.pool = RedisClients.pool(url, settings);
    this.where = RedisClients.display(url);
    this.failure = failure;
  }

  /**
   * Runs one unit of work on a pooled connection.
   *
   * @param work the work
   * @param <T> its result type
   * @return its result
   * @throws RuntimeException made by the failure function when Redis cannot be reached, times out
   *     or fails
   */
  public <T> T call(Function<Jedis, T> work) {
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
      throw failure.apply("Redis at " + where + " is unreachable: " + msg(e), e);
    } catch (JedisException e) {
      throw failure.apply("Redis at " + where + " failed: " + msg(e), e);
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
}
