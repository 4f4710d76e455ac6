package ai.agentlens.web.wiring;

import ai.agentlens.core.benchmark.Benchmarks;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.port.storage.Stores;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Builds the A/B benchmark use case on the backend's {@code BenchmarkStore}. */
@Factory
public class BenchmarkBeans {

  @Singleton
  Benchmarks benchmarks(Stores stores, SessionStore sessions, Clock clock) {
    return new Benchmarks(
        stores.benchmarks(), sessions, clock, () -> UlidCreator.getMonotonicUlid().toString());
  }
}
