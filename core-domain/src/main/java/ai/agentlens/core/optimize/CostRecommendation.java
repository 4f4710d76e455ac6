package ai.agentlens.core.optimize;

import ai.agentlens.core.optimize.model.ComplexityTier;

/**
 * One suggested model switch (reference §4.3.8 {@code CostRecommendation}). Costs are USD rounded
 * to 6 decimals, rates are in [0, 1] rounded to 4 decimals.
 *
 * @param currentModel the model the calls used
 * @param recommendedModel the cheaper model that did as well at this tier
 * @param complexityTier the tier the calls share
 * @param currentCostPerCall the current model's mean observed cost per call
 * @param recommendedCostPerCall the recommended model's mean observed cost per call
 * @param monthlySavings {@code (current − recommended) · callVolume · 30 / period} (without the
 *     {@code 30 / period} factor when the period is shorter than 7 days)
 * @param callVolume the current model's calls at this tier in the period
 * @param currentSuccessRate the current model's success rate at this tier
 * @param recommendedSuccessRate the recommended model's success rate at this tier
 * @param confidence how far to trust it
 * @param agentId the agent asked about, else the one agent that made the calls, else empty
 *     (several)
 */
public record CostRecommendation(
    String currentModel,
    String recommendedModel,
    ComplexityTier complexityTier,
    double currentCostPerCall,
    double recommendedCostPerCall,
    double monthlySavings,
    long callVolume,
    double currentSuccessRate,
    double recommendedSuccessRate,
    Confidence confidence,
    String agentId) {}
