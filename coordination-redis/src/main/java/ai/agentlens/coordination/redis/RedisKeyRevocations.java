package ai.agentlens.coordination.redis;

import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.port.KeyRevocations;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link KeyRevocations} across app-cloud instances (FR-18): a revocation clears this instance's
 * verified-key cache and is published on a Redis channel; every instance subscribes on a daemon
 * thread (reconnecting after errors) and clears its own cache entry when a prefix arrives.
 */
public final class RedisKeyRevocations implements KeyRevocations, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisKeyRevocations.class);

  private final UnifiedJedis redis;
  private final String channel;
  private final ApiKeyAuthenticator authenticator;
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final Thread listener;
  private volatile boolean closed;
  private volatile JedisPubSub pubSub;

  /**
   * Creates the broadcaster and starts listening.
   *
   * @param redis a pooled client
   * @param channel the channel, e.g. {@code agentlens:key-revocations}
   * @param authenticator this instance's verified-key cache
   */
  public RedisKeyRevocations(
      UnifiedJedis redis, String channel, ApiKeyAuthenticator authenticator) {
    this.redis = redis;
    this.channel = channel;
    this.authenticator = authenticator;
    this.listener = new Thread(this::listen, "key-revocation-listener");
    listener.setDaemon(true);
    listener.start();
  }

  /**
   * Waits until the subscription is live (tests, start-up).
   *
   * @param millis how long to wait
   * @return {@code true} when subscribed
   * @throws InterruptedException when interrupted
   */
  public boolean awaitSubscribed(long millis) throws InterruptedException {
    return subscribed.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void revoked(String prefix) {
    authenticator.invalidate(prefix);
    try {
      redis.publish(channel, prefix);
    } catch (JedisException e) {
      LOG.warn(
          "revocation broadcast failed; other instances rely on the cache TTL: {}", e.getMessage());
    }
  }

  private void listen() {
    while (!closed) {
      JedisPubSub sub =
          new JedisPubSub() {
            @Override
            public void onSubscribe(String ch, int count) {
              subscribed.countDown();
            }

            @Override
            public void onMessage(String ch, String prefix) {
              authenticator.invalidate(prefix);
            }
          };
      pubSub = sub;
      try {
        redis.subscribe(sub, channel);
      } catch (JedisException | IllegalStateException e) {
        if (!closed) {
          LOG.warn("revocation subscription lost, retrying in 1 s: {}", e.getMessage());
          sleep();
        }
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    JedisPubSub sub = pubSub;
    if (sub != null && sub.isSubscribed()) {
      try {
        sub.unsubscribe();
      } catch (JedisException | IllegalStateException e) {
        LOG.debug("unsubscribe on close failed: {}", e.getMessage());
      }
    }
    listener.interrupt();
  }
}
