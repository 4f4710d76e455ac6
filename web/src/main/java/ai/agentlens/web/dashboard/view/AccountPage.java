package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The signed-in user's own page: profile, personal-data export, the deletions they asked for and
 * account deletion. Shown without an org frame, so it works for a user whose last org was deleted.
 *
 * @param csrf the session's CSRF token
 * @param email the user's address
 * @param displayName the name shown
 * @param avatarUrl the avatar URL, or empty
 * @param ownsOrg whether the user owns an org (account deletion is refused until they hand over)
 * @param deletions the deletion requests the user made, newest first
 * @param error a message to show as an error, or {@code null}
 * @param notice a message to show as a notice, or {@code null}
 */
public record AccountPage(
    String csrf,
    String email,
    String displayName,
    String avatarUrl,
    boolean ownsOrg,
    List<Deletion> deletions,
    String error,
    String notice) {

  /**
   * One deletion request as listed.
   *
   * @param kind {@code org} or {@code account}
   * @param subject the org's name or id
   * @param state {@code requested}, {@code in_progress}, {@code done} or {@code failed}
   * @param attempts how often the job started it
   * @param requested when it was asked for
   * @param completed when it was done, or an empty string
   */
  public record Deletion(
      String kind,
      String subject,
      String state,
      int attempts,
      String requested,
      String completed) {}
}
