package ai.agentlens.core.health.snapshot;

import java.time.LocalDate;

/**
 * One agent's health on one UTC day, as the daily snapshot job recorded it (reference §3.5 {@code
 * getHealthHistory}).
 *
 * @param agentId the agent
 * @param date the UTC day
 * @param overallScore weighted score 0–100
 * @param errorRateScore the {@code error_rate} dimension's score
 * @param costEfficiencyScore the {@code cost_efficiency} dimension's score
 * @param toolSuccessScore the {@code tool_success} dimension's score
 * @param latencyScore the {@code latency} dimension's score
 * @param completionRateScore the {@code completion_rate} dimension's score
 * @param sessionCount sessions in the window the score was computed over
 */
public record HealthSnapshot(
    String agentId,
    LocalDate date,
    double overallScore,
    double errorRateScore,
    double costEfficiencyScore,
    double toolSuccessScore,
    double latencyScore,
    double completionRateScore,
    long sessionCount) {}
