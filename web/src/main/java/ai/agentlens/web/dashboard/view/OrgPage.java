package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The org pages (keys, members, settings, audit, usage, onboarding): the frame plus the tables and
 * values the one template of each page reads. Unused parts are empty.
 *
 * @param layout the frame
 * @param rows table rows, each a list of cells
 * @param secondRows a second table (pending invitations), each a list of cells
 * @param values named values of the page (settings, usage figures, a created key, filters)
 * @param allowed whether the role may change what the page shows
 */
public record OrgPage(
    Layout layout,
    List<List<String>> rows,
    List<List<String>> secondRows,
    java.util.Map<String, String> values,
    boolean allowed) {

  /**
   * Returns a named value.
   *
   * @param key the name
   * @return the value, or an empty string
   */
  public String value(String key) {
    return values.getOrDefault(key, "");
  }

  /**
   * Tells whether a named value is {@code "true"}.
   *
   * @param key the name
   * @return whether it is set
   */
  public boolean flag(String key) {
    return "true".equals(values.get(key));
  }
}
