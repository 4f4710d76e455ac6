package ai.agentlens.web.observe;

import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.llm.LlmLogInbox;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.Stores;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The server's own meters, bound to every registry by micronaut-micrometer: queue depth and dead
 * letters, API-key cache hits and misses, the database pool where the launcher has one, the single
 * writer's totals where the storage writes through one thread, the session index where the storage
 * keeps it behind the commit (a failed read of it gives NaN), and the LLM request log's inbox
 * backlog where the process records the log. Gauges read their source at scrape time; a source that
 * fails (Redis down) reads as NaN, never an error. Each binder needs its port (micronaut-micrometer
 * creates every binder at start-up), so a context without storage or queue (web's own tests) binds
 * none of them.
 */
@Factory
class ServerMeters {

  @Singleton
  @Requires(beans = EventQueue.class)
  MeterBinder queueMeters(EventQueue queue) {
    return registry -> {
      gauge(
          registry,
          "agentlens.queue.depth",
          "Envelopes published and not yet acked",
          queue,
          q -> q.depth());
      gauge(
          registry,
          "agentlens.queue.oldest.age.seconds",
          "Age of the oldest pending envelope, 0 when none",
          queue,
          q -> q.oldestPendingAge().map(d -> d.toNanos() / 1e9).orElse(0.0));
      gauge(
          registry,
          "agentlens.queue.dead.letters",
          "Envelopes in the dead-letter queue",
          queue,
          q -> q.deadLetterCount());
    };
  }

  @Singleton
  @Requires(beans = Stores.class)
  MeterBinder keyCacheMeters(ApiKeyAuthenticator keys) {
    return registry -> {
      FunctionCounter.builder("agentlens.keycache.requests", keys, k -> (double) k.cacheHits())
          .description("API-key checks by cache result")
          .tag("result", "hit")
          .register(registry);
      FunctionCounter.builder("agentlens.keycache.requests", keys, k -> (double) k.cacheMisses())
          .description("API-key checks by cache result")
          .tag("result", "miss")
          .register(registry);
    };
  }

  @Singleton
  MeterBinder poolMeters(@Nullable DatabasePool pool) {
    return registry -> {
      if (pool == null) {
        return;
      }
      gauge(
          registry,
          "agentlens.db.pool.active",
          "Connections in use",
          pool,
          p -> p.counts().map(DatabasePool.Counts::active).orElse(0));
      gauge(
          registry,
          "agentlens.db.pool.idle",
          "Connections open and free",
          pool,
          p -> p.counts().map(DatabasePool.Counts::idle).orElse(0));
      gauge(
          registry,
          "agentlens.db.pool.max",
          "Maximum pool size",
          pool,
          p -> p.counts().map(DatabasePool.Counts::max).orElse(0));
      gauge(
          registry,
          "agentlens.db.pool.waiting",
          "Threads waiting for a connection",
          pool,
          p -> p.counts().map(DatabasePool.Counts::waiting).orElse(0));
    };
  }

  @Singleton
  @Requires(beans = LlmLogInbox.class)
  @Requires(property = "agentlens.llm-requests.record", notEquals = "false")
  MeterBinder llmLogInboxMeters(LlmLogInbox inbox, Clock clock) {
    return registry -> {
      gauge(
          registry,
          "agentlens.llm.requests.inbox.notes",
          "LLM request log inbox notes waiting (each names up to 256 LLM events)",
          inbox,
          i -> i.backlog().notes());
      gauge(
          registry,
          "agentlens.llm.requests.inbox.oldest.age.seconds",
          "Age of the oldest waiting LLM request log inbox note, 0 when none",
          inbox,
          i ->
              i.backlog()
                  .oldestNotedAt()
                  .map(t -> Math.max(0, Duration.between(t, clock.now()).toNanos() / 1e9))
                  .orElse(0.0));
    };
  }

  @Singleton
  MeterBinder writerMeters(@Nullable DatabaseWriter writer) {
    return registry -> {
      if (writer == null) {
        return;
      }
      counter(
          registry,
          "agentlens.db.writer.commits",
          "Groups committed by the single writer",
          null,
          writer,
          w -> w.totals().map(DatabaseWriter.Totals::commits).orElse(0L));
      counter(
          registry,
          "agentlens.db.writer.units",
          "Units of work the single writer ran",
          null,
          writer,
          w -> w.totals().map(DatabaseWriter.Totals::units).orElse(0L));
      counter(
          registry,
          "agentlens.db.writer.busy",
          "Time the single writer spent in groups",
          "seconds",
          writer,
          w -> w.totals().map(DatabaseWriter.Totals::busySeconds).orElse(0.0));
      counter(
          registry,
          "agentlens.db.writer.commit",
          "Time the single writer spent committing",
          "seconds",
          writer,
          w -> w.totals().map(DatabaseWriter.Totals::commitSeconds).orElse(0.0));
      counter(
          registry,
          "agentlens.db.writer.unit.wait",
          "Time units waited for the single writer, summed over the units",
          "seconds",
          writer,
          w -> w.totals().map(DatabaseWriter.Totals::unitWaitSeconds).orElse(0.0));
      counter(
          registry,
          "agentlens.db.writer.background",
          "Time the single writer spent running background units, commits not included",
          "seconds",
          writer,
          w -> w.totals().map(DatabaseWriter.Totals::backgroundSeconds).orElse(0.0));
      gauge(
          registry,
          "agentlens.db.writer.waiting",
          "Units waiting for the single writer",
          writer,
          w -> w.totals().map(DatabaseWriter.Totals::waiting).orElse(0));
    };
  }

  @Singleton
  MeterBinder sessionIndexMeters(@Nullable DeferredSessionIndex index) {
    return registry -> {
      if (index == null) {
        return;
      }
      gauge(
          registry,
          "agentlens.db.session.index.waiting",
          "Events stored and not yet in the session index (reads by session scan them by rowid)",
          index,
          i -> i.reading().map(r -> (double) r.waiting()).orElse(Double.NaN));
      counter(
          registry,
          "agentlens.db.session.index.runs",
          "Session index runs committed",
          null,
          index,
          i -> i.reading().map(r -> (double) r.runs()).orElse(Double.NaN));
      counter(
          registry,
          "agentlens.db.session.index.events",
          "Events given session index entries",
          null,
          index,
          i -> i.reading().map(r -> (double) r.indexed()).orElse(Double.NaN));
      counter(
          registry,
          "agentlens.db.session.index.busy",
          "Time the single writer spent indexing by session, commits not included",
          "seconds",
          index,
          i -> i.reading().map(DeferredSessionIndex.Reading::busySeconds).orElse(Double.NaN));
    };
  }

  private static <T> void counter(
      MeterRegistry registry,
      String name,
      String help,
      String unit,
      T source,
      ToDoubleFunction<T> read) {
    FunctionCounter.builder(name, source, safe(read))
        .description(help)
        .baseUnit(unit)
        .register(registry);
  }

  private static <T> void gauge(
      MeterRegistry registry, String name, String help, T source, ToDoubleFunction<T> read) {
    Gauge.builder(name, source, safe(read))
        .description(help)
        .strongReference(true)
        .register(registry);
  }

  private static <T> ToDoubleFunction<T> safe(ToDoubleFunction<T> read) {
    return s -> {
      try {
        return read.applyAsDouble(s);
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    };
  }
}
