package ai.agentlens.coordination.redis;

import ai.agentlens.core.port.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link RateLimiter} shared by every app-cloud instance: the GCRA step runs as one Lua script in
 * Redis, so concurrent instances never overrun a limit, and {@link #acquireAll} checks all of a
 * request's buckets (key, org, agents) in that one script call. On a Redis Cluster the buckets of
 * one call would have to share a hash slot; the launchers use one Redis. Unreachable Redis is an
 * {@link IllegalStateException} (the gateway answers 503), never a silent allow.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final String SCRIPT = load();

  private final UnifiedJedis redis;
  private final String keyPrefix;
  private volatile String sha;

  /**
   * Creates a limiter.
   *
   * @param redis a pooled client
   * @param keyPrefix prefix of every bucket key, e.g. {@code agentlens:rl:}
   */
  public RedisRateLimiter(UnifiedJedis redis, String keyPrefix) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
  }

  @Override
  public Decision acquire(String bucket, int permits, int perMinute) {
    if (permits <= 0 || perMinute <= 0) {
      throw new IllegalArgumentException("permits and perMinute must be > 0");
    }
    return acquireAll(List.of(new Take(bucket, permits, perMinute))).decision();
  }

  @Override
  public void release(String bucket, int permits, int perMinute) {
    releaseAll(List.of(new Take(bucket, permits, perMinute)));
  }

  /** One script call for every bucket: the request waits for one round trip, not one per bucket. */
  @Override
  public Outcome acquireAll(List<Take> takes) {
    Take.requireDistinct(takes);
    if (takes.isEmpty()) {
      return Outcome.ALLOWED;
    }
    List<?> result = run(takes, "acquire");
    if (((Long) result.get(0)) == 1L) {
      return Outcome.ALLOWED;
    }
    Decision refused = new Decision(false, Duration.ofNanos((Long) result.get(1) * 1000));
    return new Outcome((int) (((Long) result.get(2)) - 1), refused);
  }

  @Override
  public void releaseAll(List<Take> takes) {
    if (!takes.isEmpty()) {
      run(takes, "release");
    }
  }

  private List<?> run(List<Take> takes, String mode) {
    List<String> keys = new ArrayList<>(takes.size());
    List<String> args = new ArrayList<>(1 + 2 * takes.size());
    args.add(mode);
    for (Take t : takes) {
      keys.add(keyPrefix + t.bucket());
      args.add(Integer.toString(t.permits()));
      args.add(Integer.toString(t.perMinute()));
    }
    try {
      if (sha == null) {
        sha = redis.scriptLoad(SCRIPT);
      }
      try {
        return (List<?>) redis.evalsha(sha, keys, args);
      } catch (JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
          throw e;
        }
        // why: a restarted or flushed Redis forgets loaded scripts
        sha = redis.scriptLoad(SCRIPT);
        return (List<?>) redis.evalsha(sha, keys, args);
      }
    } catch (JedisException e) {
      throw new IllegalStateException("rate limiter unavailable: " + e.getMessage(), e);
    }
  }

  private static String load() {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream("gcra.lua")) {
      if (in == null) {
        throw new IllegalStateException("gcra.lua missing from app-cloud");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
