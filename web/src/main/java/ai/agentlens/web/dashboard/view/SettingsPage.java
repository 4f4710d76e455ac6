package ai.agentlens.web.dashboard.view;

/**
 * The org settings form.
 *
 * @param layout the frame
 * @param allowed whether the role may change settings (otherwise the form is disabled)
 * @param orgName the org's name
 * @param orgSlug its slug
 * @param plan its plan's wire name
 * @param retentionDays the retention setting
 * @param maxRetentionDays the plan's longest retention
 * @param redactionRules the rules, one per line
 * @param promptMasking whether prompts are masked
 */
public record SettingsPage(
    Layout layout,
    boolean allowed,
    String orgName,
    String orgSlug,
    String plan,
    int retentionDays,
    int maxRetentionDays,
    String redactionRules,
    boolean promptMasking) {}
