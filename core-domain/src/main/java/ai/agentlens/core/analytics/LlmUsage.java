package ai.agentlens.core.analytics;

import java.time.Instant;
import java.util.Objects;

/**
 * LLM responses of one org aggregated by provider, model and time bucket (reference §4.3.2): the
 * rows {@link ai.agentlens.core.port.storage.EventStore#llmUsage} returns and {@link
 * ai.agentlens.core.analytics.LlmAnalytics} folds into the analytics report.
 *
 * @param provider {@code payload.provider} ({@code "unknown"} when absent)
 * @param model {@code payload.model} ({@code "unknown"} when absent)
 * @param bucket start of the hour or UTC day
 * @param calls number of {@code llm_response} events
 * @param costUsd sum of {@code payload.costUsd}
 * @param inputTokens sum of {@code payload.usage.inputTokens}
 * @param outputTokens sum of {@code payload.usage.outputTokens}
 * @param latencySumMs sum of {@code payload.latencyMs} over the events that have it
 * @param latencyCount number of events with a numeric {@code payload.latencyMs}
 */
public record LlmUsage(
    String provider,
    String model,
    Instant bucket,
    long calls,
    double costUsd,
    long inputTokens,
    long outputTokens,
    double latencySumMs,
    long latencyCount) {

  /** Checks the keys. */
  public LlmUsage {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(bucket, "bucket");
  }
}
