package ai.agentlens.core.port.deletion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The queue of org and account deletions (FR-71, FR-72, PC-11) that the deletion job works through
 * until each is done. Tenant-scoped rows: an org request belongs to its org and to the Owner who
 * asked, an account request to its user; {@link #pending} alone reads across tenants, for the job.
 * Thread-safe; every method is one short transaction. Errors: {@link
 * ai.agentlens.core.error.StorageUnavailableException} only.
 */
public interface DeletionQueue {

  /**
   * Stores a new request, unless one for the same subject (same kind and org, or same kind and user
   * for an account) is not done yet: then that one is returned and nothing is stored (idempotent).
   *
   * @param request a request in state {@code REQUESTED}
   * @return the stored request, or the unfinished one already there
   */
  DeletionRequest request(DeletionRequest request);

  /**
   * Lists requests that are not done, oldest first, across every org.
   *
   * @param limit the most returned, &gt; 0
   * @return the requests
   */
  List<DeletionRequest> pending(int limit);

  /**
   * Marks a request started: state {@code IN_PROGRESS}, one more attempt.
   *
   * @param request the request
   * @param at now
   */
  void started(DeletionRequest request, Instant at);

  /**
   * Marks a request done: state {@code DONE}, {@code completedAt} = {@code at}, error cleared.
   *
   * @param request the request
   * @param at now
   */
  void done(DeletionRequest request, Instant at);

  /**
   * Marks a request failed with a message (kept short, no secrets); it stays pending.
   *
   * @param request the request
   * @param error what went wrong
   * @param at now
   */
  void failed(DeletionRequest request, String error, Instant at);

  /**
   * Lists the requests a user asked for (org deletions they requested as Owner, their own account
   * deletion), newest first. Never another user's.
   *
   * @param userId the user
   * @return the requests
   */
  List<DeletionRequest> byUser(String userId);

  /**
   * Finds the request of an org, newest first.
   *
   * @param orgId the org
   * @return the latest request for that org, if any
   */
  Optional<DeletionRequest> forOrg(String orgId);
}
