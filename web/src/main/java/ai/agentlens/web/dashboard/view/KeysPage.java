package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The API keys page (FR-15, FR-20).
 *
 * @param layout the frame
 * @param allowed whether the role manages keys (otherwise the page explains who does)
 * @param keys the org's keys, newest first
 * @param created the key created by this very request, shown once, or {@code null}
 */
public record KeysPage(Layout layout, boolean allowed, List<Key> keys, NewKey created) {

  /**
   * One key in the table.
   *
   * @param id the key id
   * @param name its name
   * @param prefix its visible prefix followed by an ellipsis
   * @param environment {@code live} or {@code test}
   * @param created when it was created
   * @param lastUsed when it was last used, or an empty string
   * @param status {@code active} or {@code revoked}
   */
  public record Key(
      String id,
      String name,
      String prefix,
      String environment,
      String created,
      String lastUsed,
      String status) {

    /**
     * Tells whether the key can still be revoked.
     *
     * @return whether it is active
     */
    public boolean active() {
      return "active".equals(status);
    }
  }

  /**
   * A key just created: the only time its secret is shown.
   *
   * @param name the key's name
   * @param secret the full key
   */
  public record NewKey(String name, String secret) {}
}
