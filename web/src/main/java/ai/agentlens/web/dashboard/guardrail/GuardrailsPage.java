package ai.agentlens.web.dashboard.guardrail;

import ai.agentlens.web.dashboard.view.Layout;
import java.util.List;
import java.util.Map;

/**
 * The guardrails page (the list, the history and, for Owners and Admins, the create form) and the
 * edit page (the form alone).
 *
 * @param layout the frame
 * @param canEdit whether the role may change rules
 * @param rules the org's rules
 * @param form the create or edit form, or {@code null} for readers
 * @param history the latest triggers, newest first
 * @param historyOf the rule name the history is filtered to, or {@code null}
 */
public record GuardrailsPage(
    Layout layout,
    boolean canEdit,
    List<Rule> rules,
    Form form,
    List<Fired> history,
    String historyOf) {

  /**
   * One rule row.
   *
   * @param id the id
   * @param name the name
   * @param condition condition wire name
   * @param action action wire name
   * @param agent agent id or "all agents"
   * @param enabled whether enabled
   * @param dryRun whether dry-run
   * @param lastTrigger when it last triggered, or "never"
   * @param triggers how many times it triggered
   */
  public record Rule(
      String id,
      String name,
      String condition,
      String action,
      String agent,
      boolean enabled,
      boolean dryRun,
      String lastTrigger,
      long triggers) {}

  /**
   * The form.
   *
   * @param action where it posts
   * @param title its heading
   * @param submit the button text
   * @param values field name to value
   * @param errors field name to message (server-side validation)
   */
  public record Form(
      String action,
      String title,
      String submit,
      Map<String, String> values,
      Map<String, String> errors) {

    /**
     * Returns a field's value.
     *
     * @param name the field name
     * @return the value, or an empty string
     */
    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    /**
     * Tells whether a checkbox is on.
     *
     * @param name the field name
     * @return whether checked
     */
    public boolean checked(String name) {
      return values.containsKey(name);
    }

    /**
     * Returns a field's error.
     *
     * @param name the field name
     * @return the message, or {@code null}
     */
    public String error(String name) {
      return errors.get(name);
    }

    /**
     * Returns the condition types.
     *
     * @return wire names
     */
    public List<String> conditionTypes() {
      return GuardrailForm.conditionTypes();
    }

    /**
     * Returns the action types.
     *
     * @return wire names
     */
    public List<String> actionTypes() {
      return GuardrailForm.actionTypes();
    }

    /**
     * Returns the config fields of a type.
     *
     * @param group {@code cc} or {@code ac}
     * @param type the wire name
     * @return the fields
     */
    public List<GuardrailForm.Field> fields(String group, String type) {
      return GuardrailForm.of(group, type);
    }
  }

  /**
   * One trigger.
   *
   * @param at when
   * @param rule the rule's name
   * @param value the measured value
   * @param threshold the threshold
   * @param result the action result
   * @param executed "executed" or "dry run"
   */
  public record Fired(
      String at, String rule, String value, String threshold, String result, String executed) {}
}
