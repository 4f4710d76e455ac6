package ai.agentlens.app.cloud;

import ai.agentlens.redis.RedisConnectionCheck;
import ai.agentlens.storage.postgres.PostgresConnectionCheck;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.web.health.ReadinessProbe;
import ai.agentlens.web.observe.DatabasePool;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** The external services of app-cloud, and their readiness probes for {@code GET /api/ready}. */
@Factory
@Requires(env = CloudMain.ENVIRONMENT)
class CloudServices {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  static PostgresConnectionCheck postgres(CloudConfig config, Duration timeout) {
    return new PostgresConnectionCheck(config.database(), timeout);
  }

  static RedisConnectionCheck redis(CloudConfig config, Duration timeout) {
    return new RedisConnectionCheck(config.redis(), timeout);
  }

  @Singleton
  @Named("postgres")
  ReadinessProbe postgresProbe(CloudConfig config) {
    return probe("postgres", postgres(config, PROBE_TIMEOUT)::problem);
  }

  @Singleton
  @Named("redis")
  ReadinessProbe redisProbe(CloudConfig config) {
    return probe("redis", redis(config, PROBE_TIMEOUT)::problem);
  }

  private static ReadinessProbe probe(
      String name, java.util.function.Supplier<Optional<String>> check) {
    return new ReadinessProbe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<String> problem() {
        return check.get();
      }

      @Override
      public Duration timeout() {
        return PROBE_TIMEOUT.plusSeconds(1);
      }
    };
  }

  /** HikariCP's counts for the pool gauges on {@code /metrics}. */
  @Singleton
  DatabasePool databasePool(StorageProvider storage) {
    return () ->
        storage
            .pool()
            .map(p -> new DatabasePool.Counts(p.active(), p.idle(), p.max(), p.waiting()));
  }
}
