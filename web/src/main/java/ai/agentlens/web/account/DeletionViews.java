package ai.agentlens.web.account;

import ai.agentlens.core.port.deletion.DeletionRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The JSON of the deletion queue as its requester sees it (issue 15, FR-71, FR-72). */
final class DeletionViews {

  private DeletionViews() {}

  /**
   * One request.
   *
   * @param id its id
   * @param kind {@code org} or {@code account}
   * @param orgId the org deleted, or {@code null}
   * @param state {@code requested}, {@code in_progress}, {@code done} or {@code failed}
   * @param attempts how often the job started it
   * @param lastError the last failure, or {@code null}
   * @param requestedAt when it was asked for
   * @param updatedAt when its state last changed
   * @param completedAt when it was done, or {@code null}
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record DeletionView(
      String id,
      String kind,
      String orgId,
      String state,
      int attempts,
      String lastError,
      String requestedAt,
      String updatedAt,
      String completedAt) {

    static DeletionView of(DeletionRequest r) {
      return new DeletionView(
          r.id(),
          r.kind().wireName(),
          r.orgId(),
          r.state().wireName(),
          r.attempts(),
          r.lastError(),
          Views.time(r.requestedAt()),
          Views.time(r.updatedAt()),
          Views.time(r.completedAt()));
    }
  }

  /**
   * The caller's requests, newest first.
   *
   * @param deletions the requests
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record DeletionList(List<DeletionView> deletions) {

    static DeletionList of(List<DeletionRequest> rs) {
      return new DeletionList(rs.stream().map(DeletionView::of).toList());
    }
  }
}
