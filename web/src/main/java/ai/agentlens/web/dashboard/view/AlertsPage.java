package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The alerts page: rules, a create form for Owners and Admins, and the latest firings.
 *
 * @param layout the frame
 * @param canEdit whether the role may change rules
 * @param conditions the condition choices (wire names)
 * @param rules the org's rules, oldest first
 * @param history the latest firings, newest first
 */
public record AlertsPage(
    Layout layout,
    boolean canEdit,
    List<String> conditions,
    List<Rule> rules,
    List<Firing> history) {

  /**
   * One rule.
   *
   * @param id the rule id
   * @param name its name
   * @param condition condition wire name
   * @param threshold threshold
   * @param window window text
   * @param scope scope text
   * @param channels how many channels
   * @param enabled whether enabled
   */
  public record Rule(
      String id,
      String name,
      String condition,
      String threshold,
      String window,
      String scope,
      int channels,
      boolean enabled) {}

  /**
   * One firing.
   *
   * @param rule rule name
   * @param condition condition wire name
   * @param value measured value
   * @param threshold threshold
   * @param at when
   * @param delivery delivery summary
   */
  public record Firing(
      String rule, String condition, String value, String threshold, String at, String delivery) {}
}
