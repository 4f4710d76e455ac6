package ai.agentlens.core.port.storage;

import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pending and accepted invitations (FR-05). Only token hashes are stored; the accept link carries
 * the org id and the token.
 *
 * <p>Thread-safe; every method is one transaction. Errors: {@link ConflictException} for a taken id
 * or token hash, {@link NotFoundException} when a mutation names an unknown invitation, {@link
 * InvalidInputException} for bad fields.
 */
public interface InvitationStore {

  /**
   * Stores a new invitation.
   *
   * @param invitation the invitation; its org must exist
   * @throws ConflictException when the id or token hash is taken
   */
  void create(Invitation invitation);

  /**
   * Finds an invitation by the hash of its token.
   *
   * @param orgId the org named in the accept link
   * @param tokenHash hex SHA-256 of the token
   * @return the invitation (pending, expired or accepted), or empty
   */
  Optional<Invitation> findByTokenHash(String orgId, String tokenHash);

  /**
   * Lists invitations still pending at {@code now}, newest first.
   *
   * @param orgId the org
   * @param now the current time
   * @return the pending invitations
   */
  List<Invitation> listPending(String orgId, Instant now);

  /**
   * Marks an invitation accepted, once.
   *
   * @param orgId the org
   * @param invitationId the invitation
   * @param at acceptance time
   * @return {@code true} when it was pending and is now accepted; {@code false} when it was
   *     accepted already (so two concurrent accepts cannot both succeed)
   * @throws NotFoundException when unknown
   */
  boolean markAccepted(String orgId, String invitationId, Instant at);

  /**
   * Deletes an invitation (revocation). Idempotent.
   *
   * @param orgId the org
   * @param invitationId the invitation
   * @return {@code true} when one was deleted
   */
  boolean delete(String orgId, String invitationId);
}
