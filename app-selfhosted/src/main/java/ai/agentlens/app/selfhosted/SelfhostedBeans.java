package ai.agentlens.app.selfhosted;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.queue.inmemory.InMemoryQueueProvider;
import ai.agentlens.queue.spi.QueueSettings;
import ai.agentlens.storage.spi.StorageProvider;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** The self-hosted adapters: SQLite in the data directory and the in-memory queue. */
@Factory
@Requires(env = ServeCommand.ENVIRONMENT)
class SelfhostedBeans {

  /** The database file's name inside the data directory. */
  static final String DATABASE_FILE = "agentlens.db";

  @Singleton
  @Bean(preDestroy = "close")
  DataDirLock dataDirLock(@Value("${agentlens.data-dir}") String dataDir) {
    return DataDirLock.tryAcquire(Path.of(dataDir))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "another AgentLens server (or a restore) is using " + dataDir));
  }

  @Singleton
  @Bean(preDestroy = "close")
  StorageProvider storage(
      @Value("${agentlens.data-dir}") String dataDir, Clock clock, DataDirLock lock) {
    return SqliteStorageProvider.open(
        new SqliteConfig(Path.of(dataDir).resolve(DATABASE_FILE), 4, clock));
  }

  /** SQLite's group-commit writer, for the writer meters on {@code /metrics}. */
  @Singleton
  ai.agentlens.web.observe.DatabaseWriter databaseWriter(StorageProvider storage) {
    return () ->
        storage
            .writer()
            .map(
                w ->
                    new ai.agentlens.web.observe.DatabaseWriter.Totals(
                        w.commits(),
                        w.units(),
                        w.busyNanos() / 1e9,
                        w.commitNanos() / 1e9,
                        w.unitWaitNanos() / 1e9,
                        w.backgroundNanos() / 1e9,
                        w.waiting()));
  }

  /** SQLite's session index, kept behind the commit, for its meters on {@code /metrics}. */
  @Singleton
  ai.agentlens.web.observe.DeferredSessionIndex deferredSessionIndex(StorageProvider storage) {
    return () ->
        storage
            .sessionIndex()
            .map(
                i ->
                    new ai.agentlens.web.observe.DeferredSessionIndex.Reading(
                        i.waiting(), i.runs(), i.indexed(), i.busyNanos() / 1e9));
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
  EventQueue queue(@Value("${agentlens.queue.capacity:10000}") int capacity) {
    return new InMemoryQueueProvider()
        .open(QueueSettings.defaults("events").withCapacity(capacity));
  }
}
