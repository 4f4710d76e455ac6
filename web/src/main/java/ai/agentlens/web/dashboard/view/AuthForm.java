package ai.agentlens.web.dashboard.view;

import java.util.Map;

/**
 * A public form page (sign-in, sign-up, verification, password reset, invitation).
 *
 * @param title the page title
 * @param csrf the form token
 * @param error what went wrong, or {@code null}
 * @param notice an information message, or {@code null}
 * @param values field values to keep (never passwords) and hidden parameters
 * @param google whether Google sign-in is configured
 * @param github whether GitHub sign-in is configured
 */
public record AuthForm(
    String title,
    String csrf,
    String error,
    String notice,
    Map<String, String> values,
    boolean google,
    boolean github) {

  /**
   * Returns a kept value.
   *
   * @param key the field
   * @return the value, or an empty string
   */
  public String value(String key) {
    return values.getOrDefault(key, "");
  }
}
