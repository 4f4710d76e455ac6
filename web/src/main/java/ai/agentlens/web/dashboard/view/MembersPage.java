package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The members page with pending invitations (FR-05, FR-48).
 *
 * @param layout the frame
 * @param allowed whether the role manages members (shows the forms and the invitations)
 * @param members the org's members
 * @param invitations pending invitations (empty unless allowed)
 */
public record MembersPage(
    Layout layout, boolean allowed, List<Member> members, List<Invitation> invitations) {

  /**
   * One member.
   *
   * @param userId the user id
   * @param name the display name
   * @param email the address
   * @param role the role's wire name
   * @param joined when the membership started
   * @param you whether this is the signed-in user
   */
  public record Member(
      String userId, String name, String email, String role, String joined, boolean you) {

    /**
     * Tells whether the page offers role change and removal for this member.
     *
     * @return false for the Owner and for oneself
     */
    public boolean changeable() {
      return !"owner".equals(role) && !you;
    }
  }

  /**
   * One pending invitation.
   *
   * @param id the invitation id
   * @param email the invited address
   * @param role the offered role's wire name
   * @param expires when it expires
   */
  public record Invitation(String id, String email, String role, String expires) {}
}
