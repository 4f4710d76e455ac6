package ai.agentlens.web.wiring;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.apikey.KeyUsageRecorder;
import ai.agentlens.core.ingest.AcceptEvents;
import ai.agentlens.core.ingest.IngestWorker;
import ai.agentlens.core.ingest.QueueDepth;
import ai.agentlens.core.ingest.QuotaGate;
import ai.agentlens.core.ingest.validation.IngestRequestParser;
import ai.agentlens.core.otlp.SpanMapper;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.InvitationStore;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.port.storage.UsageLedger;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.ratelimit.InMemoryRateLimiter;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Builds the core use cases from the ports the launcher provides: a launcher supplies one {@link
 * Stores} bean, one {@link EventQueue} and, if it wants a shared one, a {@link RateLimiter}; every
 * other bean here is the same on both launchers.
 */
@Factory
public class IngestBeans {

  @Singleton
  @Requires(missingBeans = Clock.class)
  Clock clock() {
    return Clock.system();
  }

  @Singleton
  @Requires(missingBeans = RateLimiter.class)
  RateLimiter rateLimiter(Clock clock) {
    return new InMemoryRateLimiter(clock);
  }

  @Singleton
  OrgStore orgStore(Stores stores) {
    return stores.orgs();
  }

  @Singleton
  UserStore userStore(Stores stores) {
    return stores.users();
  }

  @Singleton
  MembershipStore membershipStore(Stores stores) {
    return stores.memberships();
  }

  @Singleton
  InvitationStore invitationStore(Stores stores) {
    return stores.invitations();
  }

  @Singleton
  ApiKeyStore apiKeyStore(Stores stores) {
    return stores.apiKeys();
  }

  @Singleton
  EventStore eventStore(Stores stores) {
    return stores.events();
  }

  @Singleton
  SessionStore sessionStore(Stores stores) {
    return stores.sessions();
  }

  @Singleton
  AgentStore agentStore(Stores stores) {
    return stores.agents();
  }

  @Singleton
  UsageLedger usageLedger(Stores stores) {
    return stores.usage();
  }

  @Singleton
  AuditLog auditLog(Stores stores) {
    return stores.audit();
  }

  @Singleton
  OrgDirectory orgDirectory(OrgStore orgs) {
    return new OrgDirectory(orgs, System::nanoTime);
  }

  @Singleton
  ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyStore keys, SecretHasher hasher) {
    return new ApiKeyAuthenticator(keys, hasher, System::nanoTime);
  }

  @Singleton
  KeyUsageRecorder keyUsageRecorder(ApiKeyStore keys) {
    return new KeyUsageRecorder(keys);
  }

  @Singleton
  QuotaGate quotaGate(
      UsageLedger ledger,
      Clock clock,
      ai.agentlens.core.plan.QuotaSettings settings,
      ai.agentlens.core.port.quota.OverageCapStore caps,
      QuotaGate.WarningListener warnings) {
    return new QuotaGate(ledger, clock, System::nanoTime, settings, caps, warnings);
  }

  @Singleton
  IngestRequestParser ingestRequestParser() {
    return new IngestRequestParser(() -> UlidCreator.getMonotonicUlid().toString());
  }

  @Singleton
  SpanMapper spanMapper() {
    return new SpanMapper();
  }

  @Singleton
  AcceptEvents acceptEvents(
      OrgDirectory orgs,
      RateLimiter limiter,
      QuotaGate quota,
      EventQueue queue,
      ai.agentlens.core.ingest.AgentRateLimits agentLimits,
      @Value("${agentlens.ingest.max-queue-depth:10000}") long maxQueueDepth,
      @Value("${agentlens.ingest.publish-timeout:30s}") Duration publishTimeout,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    return new AcceptEvents(
        orgs,
        limiter,
        quota,
        queue,
        new QueueDepth(queue, System::nanoTime, blocking),
        () -> UlidCreator.getMonotonicUlid().toString(),
        new AcceptEvents.Settings(maxQueueDepth, publishTimeout),
        agentLimits);
  }

  @Singleton
  IngestWorker ingestWorker(
      EventQueue queue,
      EventStore events,
      OrgDirectory orgs,
      @Value("${agentlens.worker.max-envelopes:256}") int maxEnvelopes,
      @Value("${agentlens.worker.poll-wait:200ms}") Duration pollWait,
      @Value("${agentlens.worker.max-events:0}") int maxEvents,
      io.micrometer.core.instrument.MeterRegistry registry,
      java.util.List<ai.agentlens.core.ingest.StoredEventsListener> listeners) {
    return new IngestWorker(
            queue,
            events,
            orgs,
            maxEnvelopes,
            pollWait,
            ai.agentlens.web.observe.WorkerMeters.observer(registry),
            ai.agentlens.core.ingest.StoredEventsListener.all(listeners))
        .topUpTo(maxEvents);
  }
}
