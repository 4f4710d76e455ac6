package ai.agentlens.core.incident;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.incident.model.RequestObservation;
import ai.agentlens.core.ingest.StoredEventsListener;
import ai.agentlens.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds committed {@code llm_response} events to the {@link IncidentDetector}, off the ingest path:
 * {@link #stored} turns them into {@link RequestObservation}s (latency from {@code latencyMs}, cost
 * from {@code costUsd}, failed when {@code finishReason} is {@code error} or the event's severity
 * is error or critical; risk unknown) and hands one task to the given bounded executor; a full
 * executor drops the batch and counts it. Thread-safe.
 */
public final class IncidentFeed implements StoredEventsListener {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentFeed.class);

  private final IncidentDetector detector;
  private final Executor executor;
  private final AtomicLong dropped = new AtomicLong();

  /**
   * Creates the feed.
   *
   * @param detector the detector
   * @param executor a bounded executor that rejects when full
   */
  public IncidentFeed(IncidentDetector detector, Executor executor) {
    this.detector = detector;
    this.executor = executor;
  }

  @Override
  public void stored(List<EventBatch> batches) {
    List<RequestObservation> obs = new ArrayList<>();
    for (EventBatch b : batches) {
      for (Event e : b.events()) {
        if (e.eventType() == EventType.LLM_RESPONSE) {
          obs.add(observation(e));
        }
      }
    }
    if (obs.isEmpty()) {
      return;
    }
    try {
      executor.execute(
          () -> {
            try {
              detector.observe(obs);
            } catch (RuntimeException ex) {
              LOG.warn("incident detection failed: {}", ex.toString());
            }
          });
    } catch (RejectedExecutionException ex) {
      long n = dropped.incrementAndGet();
      LOG.warn("incident detection queue full: dropped a batch ({} so far)", n);
    }
  }

  /**
   * Returns how many batches a full executor dropped.
   *
   * @return the count
   */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Reads one {@code llm_response} event as an observation.
   *
   * @param e the event
   * @return the observation (risk unknown)
   */
  public static RequestObservation observation(Event e) {
    JsonObject p = e.payload().tree();
    boolean error =
        "error".equals(text(p.get("finishReason")))
            || e.severity() == Severity.ERROR
            || e.severity() == Severity.CRITICAL;
    Double cost = number(p.get("costUsd"));
    return new RequestObservation(
        e.orgId(),
        e.agentId(),
        e.sessionId(),
        e.id(),
        text(p.get("model")),
        number(p.get("latencyMs")),
        error,
        cost == null || cost < 0 ? 0 : cost,
        null,
        e.timestamp());
  }

  private static String text(Object v) {
    return v instanceof String s ? s : null;
  }

  private static Double number(Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    return null;
  }
}
