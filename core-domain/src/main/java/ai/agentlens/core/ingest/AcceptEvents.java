package ai.agentlens.core.ingest;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.event.Envelope;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.ingest.IngestRefusedException.Reason;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.QuotaPolicy;
import ai.agentlens.core.port.RateLimiter;
import ai.agentlens.core.port.queue.EnvelopeDeadLetteredException;
import ai.agentlens.core.port.queue.EventQueue;
import ai.agentlens.core.port.queue.QueueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's use case (docs/architecture.md, "The ingestion path"): for an authenticated,
 * validated request it applies the key and org rate limits, the monthly quota and backpressure,
 * then publishes one envelope. Whatever refuses the request gives back what earlier checks took, so
 * a refused request costs the client nothing. The returned future completes when the queue's
 * durability point is reached (at once for Redis; when the worker has committed, for the in-memory
 * queue).
 */
public final class AcceptEvents {

  /**
   * Tunables.
   *
   * @param maxQueueDepth envelopes pending above which requests get 503 (FR-33)
   * @param publishTimeout the longest wait for the durability point
   */
  public record Settings(long maxQueueDepth, Duration publishTimeout) {}

  private final OrgDirectory orgs;
  private final QuotaGate quota;
  private final EventQueue queue;
  private final QueueDepth depth;
  private final Supplier<String> envelopeIds;
  private final Settings settings;
  private final RequestRates rates;

  /**
   * Wires the use case.
   *
   * @param orgs cached orgs
   * @param limiter rate limits
   * @param quota monthly quota
   * @param queue the event queue
   * @param depth cached queue depth
   * @param envelopeIds mints envelope ids
   * @param settings tunables
   */
  public AcceptEvents(
      OrgDirectory orgs,
      RateLimiter limiter,
      QuotaGate quota,
      EventQueue queue,
      QueueDepth depth,
      Supplier<String> envelopeIds,
      Settings settings) {
    this(orgs, limiter, quota, queue, depth, envelopeIds, settings, null);
  }

  /**
   * Wires the use case with per-agent limits set by {@code rate_limit} guardrails.
   *
   * @param orgs cached orgs
   * @param limiter rate limits
   * @param quota monthly quota
   * @param queue the event queue
   * @param depth cached queue depth
   * @param envelopeIds mints envelope ids
   * @param settings tunables
   * @param agentLimits the agents' limits, or {@code null} for none
   */
  public AcceptEvents(
      OrgDirectory orgs,
      RateLimiter limiter,
      QuotaGate quota,
      EventQueue queue,
      QueueDepth depth,
      Supplier<String> envelopeIds,
      Settings settings,
      AgentRateLimits agentLimits) {
    this.rates = new RequestRates(limiter, agentLimits);
    this.orgs = orgs;
    this.quota = quota;
    this.queue = queue;
    this.depth = depth;
    this.envelopeIds = envelopeIds;
    this.settings = settings;
  }

  /**
   * Accepts a request's events.
   *
   * @param key the authenticated key
   * @param events validated, unwritten events of the key's org
   * @param receivedAt when the request arrived
   * @return completes with the event ids once durable; completes exceptionally with {@link
   *     IngestRefusedException}: OVERLOADED when the queue cannot make them durable in time,
   *     REJECTED when a worker rejected them as unstorable (nothing stored; permits and quota are
   *     given back)
   * @throws IngestRefusedException when a limit, the quota or backpressure refuses the request
   */
  public CompletableFuture<List<String>> accept(
      ApiKeyPrincipal key, List<Event> events, Instant receivedAt) {
    OrgDirectory.Entry org =
        orgs.find(key.orgId())
            .orElseThrow(
                () ->
                    new IngestRefusedException(
                        Reason.UNKNOWN_ORG, "Invalid or revoked API key", 0));
    Plan plan = org.org().plan();
    int n = events.size();
    Runnable permits = rates.take(key, plan, events);
    QuotaPolicy.Decision decision = quota.reserve(key.orgId(), plan, n);
    if (decision == QuotaPolicy.Decision.REFUSED) {
      permits.run();
      throw new IngestRefusedException(Reason.QUOTA_EXCEEDED, quota.refusal(key.orgId(), plan), 0);
    }
    try {
      admit();
      Envelope envelope =
          new Envelope(envelopeIds.get(), key.orgId(), key.keyId(), receivedAt, events);
      List<String> ids = events.stream().map(Event::id).toList();
      return queue
          .publish(envelope)
          .toCompletableFuture()
          .orTimeout(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .handle(
              (ok, failure) -> {
                if (failure == null) {
                  return ids;
                }
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                if (failure instanceof EnvelopeDeadLetteredException d && d.rejected()
                    || cause instanceof EnvelopeDeadLetteredException r && r.rejected()) {
                  refund(key, permits, n);
                  throw new IngestRefusedException(
                      Reason.REJECTED, "Events could not be stored: invalid input", 0);
                }
                throw new IngestRefusedException(
                    Reason.OVERLOADED, "Events could not be stored in time; retry", 2);
              });
    } catch (QueueException e) {
      refund(key, permits, n);
      throw new IngestRefusedException(Reason.OVERLOADED, "Ingestion queue unavailable; retry", 2);
    } catch (IngestRefusedException e) {
      refund(key, permits, n);
      throw e;
    }
  }

  /**
   * Refuses a request before its body is parsed when backpressure would refuse it anyway (FR-33):
   * at saturation most requests are refused, and parsing a batch only to refuse it was the largest
   * part of a gateway's CPU. {@link #accept} checks again. Cheap: the depth is a cached reading.
   *
   * @throws IngestRefusedException OVERLOADED (503, {@code Retry-After: 1}) when the queue is over
   *     its depth threshold or unreachable
   */
  public void admit() {
    if (depth.current() > settings.maxQueueDepth()) {
      throw new IngestRefusedException(
          Reason.OVERLOADED, "Ingestion is busy: the queue is over its depth threshold", 1);
    }
  }

  private void refund(ApiKeyPrincipal key, Runnable permits, int n) {
    permits.run();
    quota.release(key.orgId(), n);
  }

  /**
   * Names an API key's bucket in the {@link RateLimiter}.
   *
   * @param keyId the key
   * @return the bucket name
   */
  public static String keyBucket(String keyId) {
    return "key:" + keyId;
  }
}
