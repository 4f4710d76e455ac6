package ai.agentlens.app.cloud;

import ai.agentlens.coordination.redis.RedisFailedLogins;
import ai.agentlens.coordination.redis.RedisKeyRevocations;
import ai.agentlens.coordination.redis.RedisRateLimiter;
import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.FailedLogins;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.queue.redis.RedisQueueProvider;
import ai.agentlens.queue.spi.DeliveryPolicy;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.redis.RedisClientSettings;
import ai.agentlens.redis.RedisClients;
import ai.agentlens.storage.postgres.PostgresConfig;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.storage.spi.StorageProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import redis.clients.jedis.JedisPooled;

/**
 * The cloud adapters: PostgreSQL with RLS, Redis Streams, the Redis rate limiter, the Redis
 * failed-login counter and the Redis key-revocation broadcast.
 */
@Factory
@Requires(env = CloudMain.ENVIRONMENT)
class CloudBeans {

  @Singleton
  @Bean(preDestroy = "close")
  StorageProvider storage(
      CloudConfig config, Clock clock, @Value("${agentlens.database.pool-size:16}") int poolSize) {
    return PostgresStorageProvider.open(postgresConfig(config, poolSize, clock));
  }

  /**
   * The storage settings of the launcher: owner from the URL, application role, 3 months of
   * partitions ahead.
   */
  static PostgresConfig postgresConfig(CloudConfig config, int poolSize, Clock clock) {
    return new PostgresConfig(
        config.database().jdbcUrl(),
        config.appUser(),
        config.appPassword(),
        config.database().user() == null ? "postgres" : config.database().user(),
        config.database().password(),
        poolSize,
        3,
        clock,
        config.pgvector());
  }

  @Singleton
  Stores stores(StorageProvider storage) {
    return storage.stores();
  }

  @Singleton
  ai.agentlens.core.port.storage.RetentionPurge retentionPurge(StorageProvider storage) {
    return storage.retentionPurge();
  }

  @Singleton
  ai.agentlens.core.port.storage.JobLeases jobLeases(StorageProvider storage) {
    return storage.jobLeases();
  }

  @Singleton
  ai.agentlens.core.port.deletion.DeletionQueue deletionQueue(StorageProvider storage) {
    return storage.deletionQueue();
  }

  @Singleton
  ai.agentlens.core.port.alerting.AlertingStores alerting(StorageProvider storage) {
    return storage.alerting();
  }

  @Singleton
  ai.agentlens.core.port.memory.MemoryStores memory(StorageProvider storage) {
    return storage.memory();
  }

  @Singleton
  ai.agentlens.core.port.incident.IncidentStores incidentStores(StorageProvider storage) {
    return storage.incidents();
  }

  @Singleton
  ai.agentlens.core.port.memory.EmbeddingStore embeddings(StorageProvider storage) {
    return storage.embeddings();
  }

  @Singleton
  ai.agentlens.core.port.llm.LlmRequestStore llmRequests(StorageProvider storage) {
    return storage.llmRequests();
  }

  @Singleton
  ai.agentlens.core.port.llm.LlmLogInbox llmLogInbox(StorageProvider storage) {
    return storage.llmLogInbox();
  }

  @Singleton
  @Bean(preDestroy = "close")
  EventQueue queue(
      CloudConfig config,
      @Value("${agentlens.redis.key-prefix:agentlens:}") String keyPrefix,
      @Value("${agentlens.queue.visibility-timeout:30s}") Duration visibility,
      @Value("${agentlens.queue.shards:4}") int shards) {
    return new RedisQueueProvider()
        .open(
            QueueSettings.defaults("events")
                .withUrl(config.redis())
                .withKeyPrefix(keyPrefix)
                .withDelivery(DeliveryPolicy.DEFAULT, visibility)
                .withShards(shards));
  }

  @Singleton
  @Bean(preDestroy = "close")
  JedisPooled redis(CloudConfig config) {
    return RedisClients.pooled(config.redis(), RedisClientSettings.coordination("agentlens-coord"));
  }

  @Singleton
  FailedLogins failedLogins(
      JedisPooled redis, @Value("${agentlens.redis.key-prefix:agentlens:}") String keyPrefix) {
    return new RedisFailedLogins(redis, keyPrefix + "fl:");
  }

  @io.micronaut.context.annotation.Context
  @Bean(preDestroy = "close")
  RedisKeyRevocations keyRevocations(
      JedisPooled redis,
      ApiKeyAuthenticator authenticator,
      @Value("${agentlens.redis.key-prefix:agentlens:}") String keyPrefix) {
    return new RedisKeyRevocations(redis, keyPrefix + "key-revocations", authenticator);
  }

  @Singleton
  RateLimiter rateLimiter(
      JedisPooled redis, @Value("${agentlens.redis.key-prefix:agentlens:}") String keyPrefix) {
    return new RedisRateLimiter(redis, keyPrefix + "rl:");
  }
}
