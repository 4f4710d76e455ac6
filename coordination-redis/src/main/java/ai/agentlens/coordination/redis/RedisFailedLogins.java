package ai.agentlens.coordination.redis;

import ai.agentlens.core.account.Secrets;
import ai.agentlens.core.port.FailedLogins;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link FailedLogins} shared by every app-cloud instance: one sorted set per key (score = failure
 * time in microseconds), trimmed and counted atomically in a Lua script. Keys are stored as SHA-256
 * hashes, so no e-mail address or IP address sits in Redis in clear.
 */
public final class RedisFailedLogins implements FailedLogins {

  private static final String RECORD =
      "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])\n"
          + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])\n"
          + "redis.call('PEXPIRE', KEYS[1], ARGV[4])\n"
          + "return redis.call('ZCARD', KEYS[1])";

  private final UnifiedJedis redis;
  private final String keyPrefix;

  /**
   * Creates the counter.
   *
   * @param redis a pooled client
   * @param keyPrefix prefix of every key, e.g. {@code agentlens:fl:}
   */
  public RedisFailedLogins(UnifiedJedis redis, String keyPrefix) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
  }

  @Override
  public int record(String key, Instant at, Duration window) {
    long now = micros(at);
    try {
      Object n =
          redis.eval(
              RECORD,
              List.of(redisKey(key)),
              List.of(
                  Long.toString(now),
                  now + ":" + UUID.randomUUID(),
                  Long.toString(now - window.toNanos() / 1000),
                  Long.toString(window.toMillis())));
      return ((Long) n).intValue();
    } catch (JedisException e) {
      throw new IllegalStateException("failed-login counter unavailable: " + e.getMessage(), e);
    }
  }

  @Override
  public int count(String key, Instant at, Duration window) {
    long now = micros(at);
    try {
      return (int)
          redis.zcount(redisKey(key), "(" + (now - window.toNanos() / 1000), Long.toString(now));
    } catch (JedisException e) {
      throw new IllegalStateException("failed-login counter unavailable: " + e.getMessage(), e);
    }
  }

  @Override
  public void clear(String key) {
    try {
      redis.del(redisKey(key));
    } catch (JedisException e) {
      throw new IllegalStateException("failed-login counter unavailable: " + e.getMessage(), e);
    }
  }

  private String redisKey(String key) {
    return keyPrefix + Secrets.sha256(key);
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }
}
