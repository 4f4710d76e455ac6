package ai.agentlens.queue.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The configuration a {@link QueueProvider} opens a queue with. Start from {@link
 * #defaults(String)} and change what differs with the {@code with…} methods.
 *
 * @param name the queue's name; a server backend derives its keys from {@code keyPrefix + name}
 * @param keyPrefix prefix of every key a server backend creates (e.g. {@code agentlens:})
 * @param group the consumer group
 * @param url where the server is ({@code redis://…}); {@code null} for in-process backends
 * @param capacity the most envelopes a bounded backend holds before {@code publish} fails with
 *     {@code QueueFullException}
 * @param policy retries, backoff, dead letters
 * @param visibilityTimeout how long a delivered envelope may stay unacknowledged before another
 *     consumer may take it; longer than the policy's longest backoff
 * @param operationTimeout the longest a single backend call (connect, publish, ack) may take
 * @param maxPollWait the longest {@code poll} waits for work
 * @param drainTimeout how long {@code close} waits for pending envelopes of a backend without
 *     durable storage to be acknowledged
 * @param poolSize connections a server backend keeps at most
 * @param shards how many partitions a backend that {@linkplain
 *     QueueCapabilities#partitionsBySession() partitions by session} spreads envelopes over (1 to
 *     1,024); other backends ignore it
 */
public record QueueSettings(
    String name,
    String keyPrefix,
    String group,
    URI url,
    int capacity,
    DeliveryPolicy policy,
    Duration visibilityTimeout,
    Duration operationTimeout,
    Duration maxPollWait,
    Duration drainTimeout,
    int poolSize,
    int shards) {

  /** The shard count of {@link #defaults(String)}. */
  public static final int DEFAULT_SHARDS = 4;

  /** The most shards a queue may have. */
  public static final int MAX_SHARDS = 1024;

  /** Checks the invariants. */
  public QueueSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(maxPollWait, "maxPollWait");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (name.isBlank() || group.isBlank()) {
      throw new IllegalArgumentException("name and group must not be blank");
    }
    if (capacity < 1 || poolSize < 1) {
      throw new IllegalArgumentException("capacity and poolSize must be >= 1");
    }
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException("shards must be between 1 and " + MAX_SHARDS);
    }
    if (visibilityTimeout.compareTo(policy.longestBackoff()) <= 0) {
      // why: a retry becomes due when its idle time reaches the visibility timeout (Redis
      // XAUTOCLAIM)
      throw new IllegalArgumentException(
          "visibilityTimeout must be longer than the longest backoff " + policy.longestBackoff());
    }
    if (operationTimeout.isZero() || operationTimeout.isNegative() || maxPollWait.isNegative()) {
      throw new IllegalArgumentException("operationTimeout must be > 0 and maxPollWait >= 0");
    }
  }

  /**
   * Returns the defaults: key prefix {@code agentlens:}, group {@code workers}, no URL, capacity 10
   * 000, {@link DeliveryPolicy#DEFAULT}, visibility 30 s, operations 2 s, poll wait 5 s, drain 10
   * s, 16 connections, {@value #DEFAULT_SHARDS} shards.
   *
   * @param name the queue's name
   * @return the settings
   */
  public static QueueSettings defaults(String name) {
    return new QueueSettings(
        name,
        "agentlens:",
        "workers",
        null,
        10_000,
        DeliveryPolicy.DEFAULT,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        16,
        DEFAULT_SHARDS);
  }

  /**
   * Returns a copy with another key prefix.
   *
   * @param value the prefix
   * @return the copy
   */
  public QueueSettings withKeyPrefix(String value) {
    return new QueueSettings(
        name,
        value,
        group,
        url,
        capacity,
        policy,
        visibilityTimeout,
        operationTimeout,
        maxPollWait,
        drainTimeout,
        poolSize,
        shards);
  }

  /**
   * Returns a copy with another group.
   *
   * @param value the group
   * @return the copy
   */
  public QueueSettings withGroup(String value) {
    return new QueueSettings(
        name,
        keyPrefix,
        value,
        url,
        capacity,
        policy,
        visibilityTimeout,
        operationTimeout,
        maxPollWait,
        drainTimeout,
        poolSize,
        shards);
  }

  /**
   * Returns a copy with another server URL.
   *
   * @param value the URL
   * @return the copy
   */
  public QueueSettings withUrl(URI value) {
    return new QueueSettings(
        name,
        keyPrefix,
        group,
        value,
        capacity,
        policy,
        visibilityTimeout,
        operationTimeout,
        maxPollWait,
        drainTimeout,
        poolSize,
        shards);
  }

  /**
   * Returns a copy with another capacity.
   *
   * @param value the capacity
   * @return the copy
   */
  public QueueSettings withCapacity(int value) {
    return new QueueSettings(
        name,
        keyPrefix,
        group,
        url,
        value,
        policy,
        visibilityTimeout,
        operationTimeout,
        maxPollWait,
        drainTimeout,
        poolSize,
        shards);
  }

  /**
   * Returns a copy with another delivery policy and visibility timeout (they must fit together).
   *
   * @param value the policy
   * @param visibility the visibility timeout
   * @return the copy
   */
  public QueueSettings withDelivery(DeliveryPolicy value, Duration visibility) {
    return new QueueSettings(
        name,
        keyPrefix,
        group,
        url,
        capacity,
        value,
        visibility,
        operationTimeout,
        maxPollWait,
        drainTimeout,
        poolSize,
        shards);
  }

  /**
   * Returns a copy with other timeouts.
   *
   * @param operation the operation timeout
   * @param pollWait the maximum poll wait
   * @param drain the drain timeout
   * @return the copy
   */
  public QueueSettings withTimeouts(Duration operation, Duration pollWait, Duration drain) {
    return new QueueSettings(
        name,
        keyPrefix,
        group,
        url,
        capacity,
        policy,
        visibilityTimeout,
        operation,
        pollWait,
        drain,
        poolSize,
        shards);
  }

  /**
   * Returns a copy with another pool size.
   *
   * @param value the most connections
   * @return the copy
   */
  public QueueSettings withPoolSize(int value) {
    return new QueueSettings(
        name,
        keyPrefix,
        group,
        url,
        capacity,
        policy,
        visibilityTimeout,
        operationTimeout,
        maxPollWait,
        drainTimeout,
        value,
        shards);
  }

  /**
   * Returns a copy with another shard count.
   *
   * @param value how many shards, 1 to {@value #MAX_SHARDS}
   * @return the copy
   */
  public QueueSettings withShards(int value) {
    return new QueueSettings(
        name,
        keyPrefix,
        group,
        url,
        capacity,
        policy,
        visibilityTimeout,
        operationTimeout,
        maxPollWait,
        drainTimeout,
        poolSize,
        value);
  }
}
