package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The confirmation step of an irreversible action (delete an org or an account, hand an org over):
 * what will happen, the word to type, and the form that does it.
 *
 * @param csrf the session's CSRF token
 * @param title the heading
 * @param consequences what happens, one sentence each
 * @param action the form's action path
 * @param confirmLabel the label of the typed confirmation
 * @param expected what must be typed (shown to the user)
 * @param choices the options of a choice field (e.g. the Admins an org can go to), or empty
 * @param button the submit button's text
 * @param back where "cancel" leads
 * @param error a message to show, or {@code null}
 */
public record ConfirmPage(
    String csrf,
    String title,
    List<String> consequences,
    String action,
    String confirmLabel,
    String expected,
    List<Choice> choices,
    String button,
    String back,
    String error) {

  /**
   * One option of a choice field.
   *
   * @param value the submitted value
   * @param label what is shown
   */
  public record Choice(String value, String label) {}
}
