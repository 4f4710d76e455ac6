package ai.agentlens.queue.redis.archfixture;

/** Violates the Redis adapter's allowlist: a queue adapter seeing a storage adapter. */
public class RedisUsingStorage {
  ai.agentlens.storage.postgres.PostgresUrl url;
}
