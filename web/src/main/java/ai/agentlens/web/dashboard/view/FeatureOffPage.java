package ai.agentlens.web.dashboard.view;

/**
 * The page shown instead of a dashboard section whose feature is off for the current org.
 *
 * @param layout the frame
 * @param feature the feature's name, e.g. {@code analytics}
 * @param section the section's title, e.g. {@code LLM analytics}
 * @param reason why it is off, in words
 * @param inPlan whether the org's plan includes it (so an operator switched it off)
 */
public record FeatureOffPage(
    Layout layout, String feature, String section, String reason, boolean inPlan) {}
